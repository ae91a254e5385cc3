using System.Diagnostics;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Where one search spends its time, stage by stage, for the latency profile (`KnowledgeBase.Benchmarks
/// search-profile`). Searches that are not profiled pass none, so the normal path pays one null check per stage.
/// </summary>
internal sealed class SearchStageTimes
{
    private readonly Dictionary<string, double> _milliseconds = [];
    private long _last = Stopwatch.GetTimestamp();

    /// <summary>Stage names in the order they first ran, with their milliseconds.</summary>
    public IReadOnlyDictionary<string, double> Milliseconds => _milliseconds;

    /// <summary>Starts timing the next stage from now.</summary>
    public void Restart() => _last = Stopwatch.GetTimestamp();

    /// <summary>Charges the time since the last mark to <paramref name="stage"/>.</summary>
    public void Mark(string stage)
    {
        var now = Stopwatch.GetTimestamp();
        _milliseconds[stage] = _milliseconds.GetValueOrDefault(stage) + Stopwatch.GetElapsedTime(_last, now).TotalMilliseconds;
        _last = now;
    }
}
