namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// Recognises "no space left" among I/O errors: a condition of the machine, not of the file being written, so the
/// work that hit it waits and is retried rather than being failed for good.
/// </summary>
public static class DiskFull
{
    // ENOSPC and EDQUOT on Linux (.NET puts the errno in HResult); ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL on Windows.
    private static readonly int[] Codes = [28, 122, unchecked((int)0x80070070), unchecked((int)0x80070027)];

    /// <summary>What a user is told, without the path of the file that could not be written.</summary>
    public const string Reason = "the server's disk is full";

    public static bool Is(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is IOException io && Codes.Contains(io.HResult))
            {
                return true;
            }
        }
        return false;
    }
}
