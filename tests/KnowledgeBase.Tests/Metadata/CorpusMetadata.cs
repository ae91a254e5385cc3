using System.Collections.Concurrent;
using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Ingestion.Parsing;
using KnowledgeBase.Core.Ingestion.Parsing.Pdf;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Metadata;

/// <summary>
/// Metadata of real documents from ../shared, parsed once per file by the project's own parsers, exactly as
/// ingestion sees them: file name, whole text, parser title, page count.
/// </summary>
internal static class CorpusMetadata
{
    private static readonly ParserRegistry Parsers = new([new PdfParser(), new PlainTextParser()]);
    private static readonly ConcurrentDictionary<string, MetadataResult> Results = new();

    /// <summary>
    /// A file of ../shared/corpus, such as "pdf/itu-t_X.1056-200901-I.pdf"; a NIST PDF the repository carries too
    /// (corpus/ or Fixtures/Nist) is read from there, so its tests run without ../shared.
    /// </summary>
    public static MetadataResult Corpus(string relative) =>
        Results.GetOrAdd(relative, r => Extract(InRepository(r) ?? TestPaths.SharedCorpus(r), Path.GetFileName(r)));

    /// <summary>A file of ../shared/corpus read under another name, such as the ITU original it was downloaded as.</summary>
    public static MetadataResult CorpusAs(string relative, string fileName) =>
        Results.GetOrAdd($"{relative}>{fileName}", _ => Extract(TestPaths.SharedCorpus(relative), fileName));

    public static MetadataResult Seed(string file) =>
        Results.GetOrAdd($"seed/{file}", _ => Extract(TestPaths.SharedSeed(file), file));

    /// <summary>The original file name MANIFEST.tsv records for a corpus file ("T-REC-X.1051-201709-S!Cor1!PDF-E.pdf").</summary>
    public static string SourceName(string relative)
    {
        var row = File.ReadLines(TestPaths.SharedCorpus("MANIFEST.tsv"))
            .Select(line => line.Split('\t'))
            .Single(columns => columns[0] == relative);
        return Path.GetFileName(row[4]);
    }

    private static string? InRepository(string relative)
    {
        var name = Path.GetFileName(relative);
        return new[] { TestPaths.SampleCorpus(name), TestPaths.Fixture($"Nist/{name}") }.FirstOrDefault(File.Exists);
    }

    private static MetadataResult Extract(string path, string fileName)
    {
        var document = Parsers.Parse(File.ReadAllBytes(path), fileName, CancellationToken.None);
        return MetadataExtractor.Extract(fileName, document.Text, document.Title, document.PageCount);
    }
}
