using KnowledgeBase.Core.Cluster;

namespace KnowledgeBase.Api.Cluster;

/// <summary>
/// A cluster job as any node reads it from the jobs bucket: each file's state, and <see cref="Sequence"/>, the
/// largest log entry of its documents, to pass as <c>?minSequence=</c> to read them on any node.
/// </summary>
internal sealed record ClusterJobResponse(string Id, string State, long Sequence, IReadOnlyList<ClusterJobFile> Files)
{
    public static ClusterJobResponse From(string id, IReadOnlyList<ClusterJobFile> files)
    {
        var state = files.All(f => f.State is "succeeded" or "failed") ? "completed"
            : files.Any(f => f.State == "running") ? "running" : "queued";
        return new ClusterJobResponse(id, state, files.Count == 0 ? 0 : files.Max(f => f.Sequence), files);
    }
}
