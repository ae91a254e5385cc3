using System.Globalization;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Core.Search.Evaluation;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Benchmarks;

/// <summary>
/// How much a single-field first pass could win, measured without changing the index: BM25 top-k of the query
/// `kb search` builds (body, heading and title of each language) against the same query over the body fields only,
/// and the body-only pass rescored, so title and heading weights count again for the candidates it found: with the
/// full query (as <see cref="QueryRescorer"/> would), or by adding the title and heading clauses' score alone. Per query, the variants run interleaved and are timed in thread CPU;
/// quality is MRR@10 / R@10 on the evaluation set, each variant's candidates ranked as <c>PassageRanker</c> ranks a
/// page (superseded editions weighted, at most three passages of a document before others).
/// Usage: first-pass --index DIR --queries dev-queries.jsonl --qrels dev-qrels.tsv [--depth 100] [--first-pass-depth N]
/// </summary>
public static class FirstPassExperiment
{
    private const int Top = 10;

    public static int Run(string[] args)
    {
        var indexPath = Option(args, "--index");
        var queries = Option(args, "--queries");
        var qrels = Option(args, "--qrels");
        if (indexPath is null || queries is null || qrels is null || !File.Exists(queries) || !File.Exists(qrels))
        {
            Console.Error.WriteLine("usage: first-pass --index DIR --queries FILE.jsonl --qrels FILE.tsv [--depth 100] [--first-pass-depth N]");
            return 2;
        }
        var depth = int.Parse(Option(args, "--depth") ?? RankingConstants.KeywordOnlyDepth.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        // How many body-only candidates the rescoring variants read; the rescored list is cut back to --depth.
        var firstDepth = int.Parse(Option(args, "--first-pass-depth") ?? depth.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var set = EvaluationSet.Load(queries, qrels);
        using var index = KeywordIndex.OpenForReading(indexPath);
        var variants = new[] { "full query", "body fields only", "body first pass + full rescore", "body first pass + title/heading rescore" };
        var tally = new Tally(variants);
        index.Read((searcher, catalog) =>
        {
            var superseded = catalog.Editions().SupersededDocuments();
            // The first pass warms the JIT, the page cache and the term dictionaries; the second is measured.
            for (var pass = 0; pass < 2; pass++)
            {
                tally = new Tally(variants);
                foreach (var (query, number) in set.Queries.Select((q, i) => (q, i)))
                {
                    var (full, textQuery) = KeywordQueryBuilder.Build(query.Query, index.QueryAnalyzer, null, catalog.IndexedFields);
                    var bodyOnly = Fields(full, body: true) ?? new BooleanQuery();
                    var titleAndHeading = Fields(full, body: false) ?? new BooleanQuery();
                    var pages = new Dictionary<string, List<ScoreDoc>>();
                    // The order turns with each query: the variant run first pays the cache misses the others then avoid.
                    foreach (var variant in variants.Skip(number % variants.Length).Concat(variants.Take(number % variants.Length)))
                    {
                        var start = ThreadCpuTime.Milliseconds();
                        var top = variant switch
                        {
                            "full query" => searcher.Search(full, depth),
                            "body fields only" => searcher.Search(bodyOnly, depth),
                            "body first pass + full rescore" => Rescore(searcher, searcher.Search(bodyOnly, firstDepth), full, (_, second) => second ?? 0, depth),
                            // BM25Similarity's query norm and coord are 1, so the full score is the body part plus this part.
                            _ => Rescore(searcher, searcher.Search(bodyOnly, firstDepth), titleAndHeading, (first, second) => first + (second ?? 0), depth),
                        };
                        tally.Cpu[variant].Add(ThreadCpuTime.Milliseconds() - start);
                        tally.Clauses[variant] += TermCount(variant == "body fields only" ? bodyOnly : full);
                        pages[variant] = Page(top.ScoreDocs, catalog, superseded);
                    }
                    var fullPage = pages["full query"];
                    var unmatched = Rescore(searcher, new TopDocs(fullPage.Count, [.. fullPage], float.NaN), bodyOnly, (_, body) => body is null ? 1 : 0, fullPage.Count)
                        .ScoreDocs.Count(d => d.Score > 0);
                    tally.TitleOrHeadingOnly += unmatched;
                    tally.QueriesWithThem += unmatched > 0 ? 1 : 0;
                    var snippets = new SnippetBuilder(textQuery, index.IndexAnalyzer);
                    foreach (var variant in variants)
                    {
                        var hits = pages[variant].Select(d => StoredHit.Read(ShownPassage.Of(searcher.Doc(d.Doc)), d.Score, snippets)).ToList();
                        tally.Scores[variant].Add(RetrievalMetrics.Score(hits, query.Judgments));
                        var docs = pages[variant].Select(d => d.Doc).ToList();
                        var fullDocs = pages["full query"].Select(d => d.Doc).ToList();
                        if (!docs.ToHashSet().SetEquals(fullDocs))
                        {
                            tally.Changed[variant]++;
                        }
                        else if (!docs.SequenceEqual(fullDocs))
                        {
                            tally.Reordered[variant]++;
                        }
                    }
                }
            }
            return 0;
        }, 0);
        Console.WriteLine($"BM25 top-{depth} (rescoring variants: body-only top-{firstDepth} rescored), {set.Queries.Count} queries, thread CPU per query (warm, variants interleaved per query in turning order); quality of the top {Top} ranked from those candidates:");
        Console.WriteLine();
        Console.WriteLine("| variant | term clauses / query | CPU p50 ms | CPU p95 ms | CPU p99 ms | CPU mean ms | MRR@10 | R@10 | top 10: other passages than full | same passages, other order |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var variant in variants)
        {
            var times = tally.Cpu[variant];
            var n = Math.Max(1, set.Queries.Count);
            Console.WriteLine($"| {variant} | {tally.Clauses[variant] / n} | {RetrievalMetrics.Percentile(times, 50):F2} | {RetrievalMetrics.Percentile(times, 95):F2} | " +
                $"{RetrievalMetrics.Percentile(times, 99):F2} | {times.Average():F2} | {tally.Scores[variant].Average(s => s.ReciprocalRankAt10):F3} | " +
                $"{tally.Scores[variant].Average(s => s.RecallAt10):F3} | {tally.Changed[variant]} | {tally.Reordered[variant]} |");
        }
        Console.WriteLine();
        Console.WriteLine($"Passages of the full query's top {Top} with no body term (title or heading match only): {tally.TitleOrHeadingOnly}, in {tally.QueriesWithThem} of {set.Queries.Count} queries.");
        return 0;
    }

    /// <summary>
    /// With <paramref name="body"/>, the query with every title and heading clause left out; else only those clauses.
    /// Null when nothing is left.
    /// </summary>
    internal static Query? Fields(Query query, bool body)
    {
        switch (query)
        {
            case TermQuery term:
                return IsBodyOrOther(term.Term.Field) == body ? term : null;
            case PhraseQuery phrase:
                return phrase.GetTerms().Length == 0 || IsBodyOrOther(phrase.GetTerms()[0].Field) == body ? phrase : null;
            case BooleanQuery boolean:
                var kept = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
                foreach (var clause in boolean.Clauses)
                {
                    if (Fields(clause.Query, body) is { } child)
                    {
                        kept.Add(child, clause.Occur);
                    }
                }
                return kept.Clauses.Count == 0 ? null : kept;
            default:
                return body ? query : null;
        }
    }

    private static bool IsBodyOrOther(string field) =>
        !field.StartsWith(IndexFields.Title + "_", StringComparison.Ordinal) && !field.StartsWith(IndexFields.Heading + "_", StringComparison.Ordinal);

    private static int TermCount(Query query) => query switch
    {
        TermQuery => 1,
        PhraseQuery phrase => phrase.GetTerms().Length,
        BooleanQuery boolean => boolean.Clauses.Sum(c => TermCount(c.Query)),
        _ => 1,
    };

    /// <summary>The first page as PassageRanker orders it: superseded editions at half score, three passages a document first.</summary>
    private static List<ScoreDoc> Page(ScoreDoc[] candidates, IndexCatalog catalog, IReadOnlySet<string> superseded)
    {
        var ranked = candidates
            .Select(d => (Doc: d, Document: catalog.DocumentIdOf(d.Doc)))
            .Select(c => (c.Doc, c.Document, Score: superseded.Contains(c.Document) ? c.Doc.Score * RankingConstants.SupersededWeight : c.Doc.Score))
            .OrderByDescending(c => c.Score)
            .ToList();
        var seen = new Dictionary<string, int>();
        var first = new List<ScoreDoc>();
        var deferred = new List<ScoreDoc>();
        foreach (var (doc, document, score) in ranked)
        {
            var count = seen[document] = seen.GetValueOrDefault(document) + 1;
            (count <= RankingConstants.PassagesPerDocument ? first : deferred).Add(new ScoreDoc(doc.Doc, score));
        }
        return first.Concat(deferred).Take(Top).ToList();
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>What one pass over the queries measured, per variant.</summary>
    private sealed class Tally(string[] variants)
    {
        public Dictionary<string, List<double>> Cpu { get; } = variants.ToDictionary(v => v, _ => new List<double>());
        public Dictionary<string, List<QueryScores>> Scores { get; } = variants.ToDictionary(v => v, _ => new List<QueryScores>());
        public Dictionary<string, long> Clauses { get; } = variants.ToDictionary(v => v, _ => 0L);
        // Queries whose top 10 holds other passages than the full query's, and whose top 10 is the same in another order.
        public Dictionary<string, int> Changed { get; } = variants.ToDictionary(v => v, _ => 0);
        public Dictionary<string, int> Reordered { get; } = variants.ToDictionary(v => v, _ => 0);
        // Passages of the full query's top 10 that match no body term: a body-only first pass loses them at any depth.
        public int TitleOrHeadingOnly { get; set; }
        public int QueriesWithThem { get; set; }
    }

    /// <summary>
    /// Scores the candidates with another query, segment by segment in doc id order, and combines the scores, best
    /// first. What <see cref="QueryRescorer"/> does; its Lucene.Net 4.8 port threw a NullReferenceException here with the
    /// title-and-heading query (as far as seen, in a segment where that query has no scorer).
    /// </summary>
    private static TopDocs Rescore(IndexSearcher searcher, TopDocs firstPass, Query query, Func<float, float?, float> combine, int top)
    {
        var weight = searcher.CreateNormalizedWeight(query);
        var leaves = searcher.IndexReader.Leaves;
        var rescored = new List<ScoreDoc>(firstPass.ScoreDocs.Length);
        var leaf = -1;
        Scorer? scorer = null;
        foreach (var hit in firstPass.ScoreDocs.OrderBy(d => d.Doc))
        {
            var at = ReaderUtil.SubIndex(hit.Doc, leaves);
            if (at != leaf)
            {
                leaf = at;
                scorer = weight.GetScorer(leaves[leaf], null);
            }
            var target = hit.Doc - leaves[leaf].DocBase;
            float? second = null;
            if (scorer is not null && (scorer.DocID >= target || scorer.Advance(target) != DocIdSetIterator.NO_MORE_DOCS) && scorer.DocID == target)
            {
                second = scorer.GetScore();
            }
            rescored.Add(new ScoreDoc(hit.Doc, combine(hit.Score, second)));
        }
        var ordered = rescored.OrderByDescending(d => d.Score).ThenBy(d => d.Doc).Take(top).ToArray();
        return new TopDocs(firstPass.TotalHits, ordered, ordered.Length == 0 ? float.NaN : ordered[0].Score);
    }
}
