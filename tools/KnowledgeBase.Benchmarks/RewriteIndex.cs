using KnowledgeBase.Core.Indexing;
using Lucene.Net.Codecs.Lucene46;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace KnowledgeBase.Benchmarks;

/// <summary>
/// Copies an index into one segment of a chosen format, so a benchmark can compare index formats on the same
/// documents: `current` (<see cref="SmallBlockCodec"/>, what the project writes now) or `lucene46` (16 KB stored-field
/// blocks, what it wrote before). The commit's data (embedding model, log sequence) is kept.
/// Usage: rewrite-index --index DIR --out NEW_DIR [--format current|lucene46]
/// </summary>
public static class RewriteIndex
{
    public static int Run(string[] args)
    {
        var from = SearchProfile.Option(args, "--index");
        var to = SearchProfile.Option(args, "--out");
        var format = SearchProfile.Option(args, "--format") ?? "current";
        if (from is null || to is null || format is not ("current" or "lucene46") || System.IO.Directory.Exists(to))
        {
            Console.Error.WriteLine("usage: rewrite-index --index DIR --out NEW_DIR [--format current|lucene46] (NEW_DIR must not exist)");
            return 2;
        }
        using var source = FSDirectory.Open(from);
        using var target = FSDirectory.Open(to);
        using var reader = DirectoryReader.Open(source);
        var config = new IndexWriterConfig(IndexAnalyzers.Version, null)
        {
            Codec = format == "current" ? new SmallBlockCodec() : new Lucene46Codec(),
        };
        using var writer = new IndexWriter(target, config);
        writer.AddIndexes(reader);
        writer.ForceMerge(1);
        writer.SetCommitData(reader.IndexCommit.UserData);
        writer.Commit();
        return 0;
    }
}
