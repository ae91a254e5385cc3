using Lucene.Net.Index;
using Lucene.Net.Store;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// Copies of a whole index for a cluster node that cannot replay the log from its start (the log was compacted):
/// one node copies its last commit, another replaces its index with that copy in one commit of its own.
/// </summary>
public sealed partial class KeywordIndex
{
    /// <summary>
    /// Copies the files of the last commit into <paramref name="target"/> (an empty folder) and returns the index-log
    /// sequence that commit records; null when nothing was ever committed. It runs in the writer queue, so no commit
    /// starts meanwhile, and the files of the last commit are the ones Lucene never deletes before the next commit:
    /// the copy is a consistent commit point while searches go on.
    /// </summary>
    public long? CopyLastCommit(string target) => Writes.Run<long?>(() =>
    {
        if (!DirectoryReader.IndexExists(_directory))
        {
            return null;
        }
        var commit = new SegmentInfos();
        commit.Read(_directory);
        using var copy = FSDirectory.Open(System.IO.Directory.CreateDirectory(target));
        foreach (var file in commit.GetFiles(_directory, includeSegmentsFile: true))
        {
            _directory.Copy(copy, file, file, IOContext.DEFAULT);
        }
        return AppliedLogSequence;
    });

    /// <summary>
    /// Replaces everything in this index with the index copied to <paramref name="source"/>, and takes over that
    /// copy's commit data (its index-log sequence and embedding model), in one commit: a crash leaves the old index.
    /// </summary>
    /// <param name="logSequence">
    /// The index-log sequence to record instead of the copy's: a rebase entry's own, so the restore and the entry's
    /// position are one commit.
    /// </param>
    public void RestoreFrom(string source, long? logSequence = null) => Writes.Run(() =>
    {
        using var copy = FSDirectory.Open(new DirectoryInfo(source));
        var commit = new SegmentInfos();
        commit.Read(copy);
        var writer = RequireWriter();
        writer.DeleteAll();
        // Segments are copied as they are, so passages, vectors and term statistics equal the other node's.
        writer.AddIndexes(copy);
        var data = new Dictionary<string, string>(commit.UserData);
        if (logSequence is { } sequence)
        {
            data[LogSequenceCommitKey] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        writer.SetCommitData(data);
        writer.Commit();
        _committedEmbeddingModel = EmbeddingModelOf(writer.CommitData);
        _searchers!.MaybeRefreshBlocking();
        return true;
    });
}
