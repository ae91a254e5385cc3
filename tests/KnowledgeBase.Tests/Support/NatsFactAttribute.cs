namespace KnowledgeBase.Tests.Support;

/// <summary>
/// A fact that needs Debian's nats-server (tools/test.sh installs it with tools/install-nats.sh). Without it the test
/// reports itself skipped with that reason, except under CI, where a missing server must fail rather than hide.
/// </summary>
internal sealed class NatsFactAttribute : FactAttribute
{
    public NatsFactAttribute()
    {
        if (NatsServer.Executable is null && Environment.GetEnvironmentVariable("CI") is null)
        {
            Skip = "nats-server is not installed (tools/install-nats.sh installs it from Debian)";
        }
    }
}
