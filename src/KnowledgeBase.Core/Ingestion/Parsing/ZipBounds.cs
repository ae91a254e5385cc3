using System.IO.Compression;

namespace KnowledgeBase.Core.Ingestion.Parsing;

/// <summary>
/// Checks what a zip package (.docx) inflates to before any library loads it: every entry is inflated into
/// nothing, counting bytes and stopping at the limit, so neither a lying size in the zip directory nor a
/// deflate bomb gets past it, and nothing of it is kept in memory.
/// </summary>
internal static class ZipBounds
{
    public static void Check(Stream package)
    {
        var buffer = new byte[81920];
        long total = 0;
        using (var archive = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true))
        {
            foreach (var entry in archive.Entries)
            {
                if (entry.Length > ParserLimits.MaxEntryBytes)
                {
                    throw TooLarge(entry.FullName, entry.Length);
                }
                long inflated = 0;
                using var content = entry.Open();
                int read;
                while ((read = content.Read(buffer)) > 0)
                {
                    inflated += read;
                    total += read;
                    if (inflated > ParserLimits.MaxEntryBytes)
                    {
                        throw TooLarge(entry.FullName, inflated);
                    }
                    if (total > ParserLimits.MaxInflatedBytes)
                    {
                        throw new DocumentRejectedException(
                            $"Word document too large: its parts inflate to more than {ParserLimits.Describe(ParserLimits.MaxInflatedBytes)}");
                    }
                }
            }
        }
        package.Position = 0;
    }

    private static DocumentRejectedException TooLarge(string entry, long bytes) =>
        new($"Word document too large: its part {entry} inflates to more than {ParserLimits.Describe(ParserLimits.MaxEntryBytes)} (at least {ParserLimits.Describe(bytes)})");
}
