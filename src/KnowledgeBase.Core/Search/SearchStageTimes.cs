using System.Diagnostics;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Where one search spends its time, stage by stage, for the latency profile (`KnowledgeBase.Benchmarks
/// search-profile`). Searches that are not profiled pass none, so the normal path pays one null check per stage.
/// </summary>
/// <param name="threadCpuMilliseconds">The calling thread's CPU clock, when the profile also wants each stage's CPU
/// time (on a machine shared with other jobs, wall time also counts the waits for a core).</param>
internal sealed class SearchStageTimes(Func<double>? threadCpuMilliseconds = null)
{
    private readonly Dictionary<string, double> _milliseconds = [];
    private readonly Dictionary<string, double> _cpuMilliseconds = [];
    private long _last = Stopwatch.GetTimestamp();
    private double _lastCpu = threadCpuMilliseconds?.Invoke() ?? 0;

    /// <summary>Stage names in the order they first ran, with their milliseconds.</summary>
    public IReadOnlyDictionary<string, double> Milliseconds => _milliseconds;

    /// <summary>The same stages' thread CPU milliseconds; empty without a CPU clock.</summary>
    public IReadOnlyDictionary<string, double> CpuMilliseconds => _cpuMilliseconds;

    /// <summary>Starts timing the next stage from now.</summary>
    public void Restart()
    {
        _last = Stopwatch.GetTimestamp();
        _lastCpu = threadCpuMilliseconds?.Invoke() ?? 0;
    }

    /// <summary>Charges the time since the last mark to <paramref name="stage"/>.</summary>
    public void Mark(string stage)
    {
        var now = Stopwatch.GetTimestamp();
        _milliseconds[stage] = _milliseconds.GetValueOrDefault(stage) + Stopwatch.GetElapsedTime(_last, now).TotalMilliseconds;
        _last = now;
        if (threadCpuMilliseconds is not null)
        {
            var cpu = threadCpuMilliseconds();
            _cpuMilliseconds[stage] = _cpuMilliseconds.GetValueOrDefault(stage) + cpu - _lastCpu;
            _lastCpu = cpu;
        }
    }
}
