using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Core.Search.Evaluation;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace KnowledgeBase.Benchmarks;

/// <summary>
/// Inside the two page stages of a search, in one run, as thread CPU per query of <c>--top</c> hits (each query's
/// BM25 top hits): stored fields as `searcher.Doc` reads them, as a hit reads them (its fields only, and from
/// <see cref="ShownPassageCache"/>, filled by the first pass) and against the block decompression alone (a visitor that
/// stops at the first field), and snippets as <see cref="SnippetBuilder"/> builds them (analysing the passages, and
/// with their analysis from <see cref="AnalysedPassageCache"/>, filled by the first pass) against Lucene's Highlighter
/// with a QueryScorer walking the query for each passage (how they were built before) and against the passages'
/// analysis alone, the part neither can skip.
/// Usage: page-stages --index DIR --queries FILE.jsonl [--top 10]
/// </summary>
public static class PageStagesProfile
{
    public static int Run(string[] args)
    {
        var indexPath = SearchProfile.Option(args, "--index");
        var queryFile = SearchProfile.Option(args, "--queries");
        if (indexPath is null || queryFile is null || !File.Exists(queryFile))
        {
            Console.Error.WriteLine("usage: page-stages --index DIR --queries FILE.jsonl [--top 10]");
            return 2;
        }
        var top = int.Parse(SearchProfile.Option(args, "--top") ?? "10", System.Globalization.CultureInfo.InvariantCulture);
        var queries = SearchProfile.ReadQueries(queryFile);
        using var index = KeywordIndex.OpenForReading(indexPath);
        var analyzer = index.IndexAnalyzer;
        return index.Read((searcher, catalog) =>
        {
            var pages = queries.Select(text =>
            {
                var (query, textQuery) = KeywordQueryBuilder.Build(text, index.QueryAnalyzer, null, catalog.IndexedFields);
                return (TextQuery: textQuery, Docs: searcher.Search(query, top).ScoreDocs);
            }).ToList();
            var times = new Dictionary<string, List<double>>();
            // The first pass warms the JIT and the page cache; the second is measured.
            for (var pass = 0; pass < 2; pass++)
            {
                times.Clear();
                foreach (var (textQuery, docs) in pages)
                {
                    Time(times, "stored fields: searcher.Doc", () => docs.Select(d => searcher.Doc(d.Doc)).ToList());
                    Time(times, "stored fields: the fields a hit shows (PageFieldsVisitor)", () => docs.Select(d => ShownPassageCache.Read(searcher, d.Doc)).ToList());
                    // The pass before has put these passages in ShownPassageCache.Shared.
                    Time(times, "stored fields: from the shown-passage cache (StoredHit.Load)", () => docs.Select(d => StoredHit.Load(searcher, d.Doc)).ToList());
                    Time(times, "stored fields: block decompression alone", () => docs.Select(d => { searcher.Doc(d.Doc, new StopAtFirstField()); return 0; }).ToList());
                    var passages = docs.Select(d => searcher.Doc(d.Doc)).Select((d, i) => (Text: d.Get(IndexFields.Body), Language: d.Get(IndexFields.Language), docs[i].Doc)).ToList();
                    Time(times, "snippets: SnippetBuilder, passages analysed now", () =>
                    {
                        var snippets = new SnippetBuilder(textQuery, analyzer);
                        return passages.Select(p => snippets.Build(p.Text, p.Language)).ToList();
                    });
                    // The pass before has put these passages in AnalysedPassageCache.Shared.
                    Time(times, "snippets: SnippetBuilder, passages from the analysed-passage cache", () =>
                    {
                        var snippets = new SnippetBuilder(textQuery, analyzer, reader: searcher.IndexReader);
                        return passages.Select(p => snippets.Build(p.Text, p.Language, p.Doc)).ToList();
                    });
                    Time(times, "snippets: Lucene Highlighter, QueryScorer per passage", () =>
                    {
                        var byField = new Dictionary<string, Highlighter>();
                        return passages.Select(p =>
                        {
                            var field = LanguageFields.Field(IndexFields.Body, p.Language);
                            if (!byField.TryGetValue(field, out var highlighter))
                            {
                                byField[field] = highlighter = new Highlighter(
                                    new SimpleHTMLFormatter("<mark>", "</mark>"), MinimalHtmlEncoder.Instance, new QueryScorer(textQuery, field))
                                {
                                    TextFragmenter = new SimpleFragmenter(220),
                                };
                            }
                            return highlighter.GetBestFragments(analyzer, field, SnippetBuilder.Flatten(p.Text), 2);
                        }).ToList();
                    });
                    Time(times, "snippets: the passages' analysis alone", () => passages.Select(p =>
                    {
                        using var stream = analyzer.GetTokenStream(LanguageFields.Field(IndexFields.Body, p.Language), p.Text);
                        stream.Reset();
                        var tokens = 0;
                        while (stream.IncrementToken())
                        {
                            tokens++;
                        }
                        stream.End();
                        return tokens;
                    }).ToList());
                }
            }
            Console.WriteLine($"Page stages, thread CPU ms per query of {top} hits, {pages.Count} queries (warm):");
            Console.WriteLine();
            Console.WriteLine("| part | mean | p50 |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var (part, values) in times)
            {
                Console.WriteLine($"| {part} | {values.Average():F3} | {RetrievalMetrics.Percentile(values, 50):F3} |");
            }
            return 0;
        }, 1);
    }

    private static void Time<T>(Dictionary<string, List<double>> times, string part, Func<T> work)
    {
        var start = ThreadCpuTime.Milliseconds();
        GC.KeepAlive(work());
        var elapsed = ThreadCpuTime.Milliseconds() - start;
        if (!times.TryGetValue(part, out var values))
        {
            times[part] = values = [];
        }
        values.Add(elapsed);
    }

    /// <summary>Reads no field: what remains of `searcher.Doc` is finding and decompressing the document's block.</summary>
    private sealed class StopAtFirstField : StoredFieldVisitor
    {
        public override Status NeedsField(FieldInfo fieldInfo) => Status.STOP;
    }
}
