using KnowledgeBase.Core.Embeddings.Onnx;

namespace KnowledgeBase.Tests.Embeddings.Onnx;

public sealed class LowPriorityThreadsTests
{
    // One set for the class: the threads serve until the process ends.
    private static readonly LowPriorityThreads Threads = new(2);

    [Fact]
    public async Task Work_RunsOnAThreadTenNiceStepsBelowTheCaller_AndReturnsItsResult_WhileTheCallerGoesOnAtItsOwn()
    {
        var caller = Nice();

        var (result, worker) = await Threads.Run(() => (6 * 7, Nice()), CancellationToken.None);

        Assert.Equal(42, result);
        Assert.Equal(Math.Min(caller + 10, 19), worker);
        Assert.Equal(caller, Nice());
    }

    [Fact]
    public async Task AFailure_ComesBackThroughTheTask_AndTheThreadsGoOnServing()
    {
        var failed = Threads.Run<int>(() => throw new InvalidOperationException("bad batch"), CancellationToken.None);

        Assert.Equal("bad batch", (await Assert.ThrowsAsync<InvalidOperationException>(() => failed)).Message);
        Assert.Equal(1, await Threads.Run(() => 1, CancellationToken.None));
        Assert.Equal(2, await Threads.Run(() => 2, CancellationToken.None));
    }

    [Fact]
    public async Task WorkCancelledBeforeItsTurn_DoesNotRun()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var ran = false;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Threads.Run(() => ran = true, cancelled.Token));

        Assert.False(ran);
    }

    /// <summary>The calling thread's nice value: field 19 of /proc/thread-self/stat (fields after the name start at 3).</summary>
    private static int Nice()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[19 - 3], System.Globalization.CultureInfo.InvariantCulture);
    }
}
