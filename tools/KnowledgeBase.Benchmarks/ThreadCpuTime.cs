using System.Runtime.InteropServices;

namespace KnowledgeBase.Benchmarks;

/// <summary>
/// CPU time of the calling thread (Linux clock_gettime), to the nanosecond: on a machine shared with other jobs it
/// says what a search costs, where wall time also counts the waits for a core.
/// </summary>
internal static class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Milliseconds of CPU this thread has used; NaN where the clock is not available.</summary>
    public static double Milliseconds() =>
        ClockGetTime(ClockThreadCpuTimeId, out var time) == 0 ? time.Seconds * 1e3 + time.Nanoseconds / 1e6 : double.NaN;

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
