using KnowledgeBase.Api.Storage;

namespace KnowledgeBase.Api.Tests.Support;

/// <summary>
/// The service's state files on a disk that fills up after a number of writes: a write past that number goes to
/// /dev/full, so the kernel itself answers "No space left on device" (ENOSPC), until the disk is freed.
/// </summary>
internal sealed class FillingDisk : StateFileWriter
{
    private int _writesLeft = int.MaxValue;

    /// <summary>Lets this many more writes succeed, then fails every one.</summary>
    public void FillAfter(int writes) => Volatile.Write(ref _writesLeft, writes);

    public void Free() => Volatile.Write(ref _writesLeft, int.MaxValue);

    public override void Write(string path, byte[] content)
    {
        if (Interlocked.Decrement(ref _writesLeft) < 0)
        {
            Interlocked.Exchange(ref _writesLeft, -1);
            File.WriteAllBytes("/dev/full", content);
        }
        base.Write(path, content);
    }
}
