using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeBase.Core.Indexing;

namespace KnowledgeBase.Benchmarks;

/// <summary>
/// The inputs of tools/bench-lucene-java.sh, read from an index: every page's text as stored there (the text both
/// engines index), and one query list for both sides: the dev set's queries plus sentences picked from the pages.
/// Usage: export-pages --index DIR --dev-queries FILE.jsonl --out DIR [--sentences 300]
/// Writes DIR/pages.tsv (document id, page, text), DIR/queries.txt (one a line) and DIR/queries.jsonl.
/// </summary>
public static partial class PageExport
{
    public static int Run(string[] args)
    {
        var indexPath = Option(args, "--index");
        var devQueries = Option(args, "--dev-queries");
        var output = Option(args, "--out");
        if (indexPath is null || devQueries is null || output is null)
        {
            Console.Error.WriteLine("usage: export-pages --index DIR --dev-queries FILE.jsonl --out DIR [--sentences 300]");
            return 2;
        }
        var sentenceCount = int.Parse(Option(args, "--sentences") ?? "300", System.Globalization.CultureInfo.InvariantCulture);
        Directory.CreateDirectory(output);
        using var index = KeywordIndex.OpenForReading(indexPath);
        var sentences = new List<string>();
        var pageCount = 0;
        using (var pages = new StreamWriter(Path.Combine(output, "pages.tsv"), false, new UTF8Encoding(false)))
        {
            foreach (var record in index.ListDocuments().OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                if (index.GetExtracted(record.Id) is not { } extracted)
                {
                    continue;
                }
                foreach (var page in extracted.Pages)
                {
                    var text = Whitespace().Replace(extracted.Text[page.Start..page.End], " ").Trim();
                    if (text.Length == 0)
                    {
                        continue;
                    }
                    pages.Write($"{record.Id}\t{page.Number}\t{text}\n");
                    pageCount++;
                    sentences.AddRange(Sentence().Matches(text).Select(m => m.Value.Trim()));
                }
            }
        }
        // A fixed seed: every run, and both engines, ask the same questions.
        var random = new Random(12);
        var picked = sentences.Where(s => s.Length <= 300).OrderBy(_ => random.Next()).Take(sentenceCount);
        var queries = SearchProfile.ReadQueries(devQueries).Concat(picked).Select(q => Whitespace().Replace(q, " ").Trim()).ToList();
        File.WriteAllLines(Path.Combine(output, "queries.txt"), queries);
        File.WriteAllLines(Path.Combine(output, "queries.jsonl"), queries.Select(q => JsonSerializer.Serialize(new { query = q })));
        Console.WriteLine($"{pageCount} pages, {queries.Count} queries ({queries.Count - sentenceCount} dev-set, up to {sentenceCount} sentences) in {output}");
        return 0;
    }

    // Full sentences of 8 to 30 words that start with a capital letter: what a reader would paste as a question.
    [GeneratedRegex(@"(?<=^|[.!?]\s)\p{Lu}[^.!?]*?(?:\s+[^\s.!?]+){7,29}[.!?]", RegexOptions.CultureInvariant)]
    private static partial Regex Sentence();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
