using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using Lucene.Net.Search;

namespace KnowledgeBase.Core.Compare;

/// <summary>
/// Countries (or documents) × topics → cells with a verdict and the strongest passages. Each topic is one keyword
/// query over all rows' documents in every language at once (<see cref="TopicQuery"/>), whose matches are then
/// grouped by row: a comparison costs two searches per topic, whatever the number of rows. Keyword matching only:
/// the built-in embedding model reads English alone, and most of what rapporteurs compare is not in English.
/// </summary>
public sealed class CompareService(KeywordIndex index)
{
    public CompareResult Compare(CompareRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Topics.Count == 0)
        {
            throw new CompareValidationException("topics", "give at least one topic");
        }
        if (request.Topics.Count > CompareRequest.MaxTopics)
        {
            throw new CompareValidationException("topics", $"at most {CompareRequest.MaxTopics} topics");
        }
        if (request.MaxPassages is < 0 or > CompareRequest.MaxPassagesLimit)
        {
            throw new CompareValidationException("maxPassages", $"must be between 0 and {CompareRequest.MaxPassagesLimit}");
        }
        if (request.Topics.GroupBy(t => t.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new CompareValidationException("topics", $"\"{twice.Key}\" is given twice");
        }
        return index.Read((searcher, catalog) => Run(searcher, catalog, request, cancellationToken), null)
            ?? Run(null, IndexCatalog.Empty, request, cancellationToken);
    }

    private CompareResult Run(IndexSearcher? searcher, IndexCatalog catalog, CompareRequest request, CancellationToken cancellationToken)
    {
        var rows = RowSelector.Select(request.Rows, catalog);
        var rowOf = new Dictionary<string, CompareRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            foreach (var document in row.Documents)
            {
                rowOf.TryAdd(document.Id, row);
            }
        }
        var cells = new List<CompareCell>(rows.Count * request.Topics.Count);
        var reference = searcher is null || rowOf.Count == 0
            ? []
            : Collect(searcher, TopicQuery.Within(TopicQuery.ReferenceSections(index.IndexAnalyzer), rowOf.Keys)).Select(h => h.Doc).ToHashSet();
        foreach (var topic in request.Topics)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var evidence = searcher is null || rowOf.Count == 0
                ? new Dictionary<string, RowEvidence>()
                : Search(searcher, catalog, topic, rowOf, reference, request.MaxPassages);
            foreach (var row in rows)
            {
                cells.Add(row.Documents.Count == 0
                    ? new CompareCell(row.Key, topic.Id, CoverageVerdict.NoDocuments, 0, 0, [])
                    : evidence.GetValueOrDefault(row.Key)?.ToCell(row.Key, topic.Id)
                      ?? new CompareCell(row.Key, topic.Id, CoverageVerdict.NotFound, 0, 0, []));
            }
        }
        // Row-major, as CompareResult promises: a row's cells together, in topic order.
        var topicOrder = request.Topics.Select((t, i) => (t.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var rowOrder = rows.Select((r, i) => (r.Key, i)).ToDictionary(p => p.Key, p => p.i);
        return new CompareResult(rows, request.Topics, cells.OrderBy(c => rowOrder[c.RowKey]).ThenBy(c => topicOrder[c.TopicId]).ToList());
    }

    private Dictionary<string, RowEvidence> Search(
        IndexSearcher searcher, IndexCatalog catalog, CompareTopic topic, Dictionary<string, CompareRow> rowOf, HashSet<int> reference, int maxPassages)
    {
        if (TopicQuery.Build(topic, index.IndexAnalyzer) is not { } built)
        {
            return [];
        }
        var (body, heading) = built;
        // Body and heading apart, then summed per passage as one query's SHOULD clauses would be: the heading
        // matches are needed on their own for the score, and searching them twice would cost a third more.
        var headed = Collect(searcher, TopicQuery.Within(heading, rowOf.Keys)).ToDictionary(h => h.Doc, h => h.Score * RankingConstants.HeadingWeight);
        var matches = Collect(searcher, TopicQuery.Within(body, rowOf.Keys));
        var inBody = matches.Select(h => h.Doc).ToHashSet();
        matches = matches.Select(h => (h.Doc, h.Score + headed.GetValueOrDefault(h.Doc)))
            .Concat(headed.Where(h => !inBody.Contains(h.Key)).Select(h => (h.Key, h.Value)))
            .Where(h => !reference.Contains(h.Item1))
            .ToList();
        var snippets = new SnippetBuilder(body, index.IndexAnalyzer, termsOnly: true);
        var byRow = new Dictionary<string, RowEvidence>();
        foreach (var group in matches
                     .Select(h => (h.Doc, h.Score, DocumentId: catalog.DocumentIdOf(h.Doc)))
                     .Where(h => rowOf.ContainsKey(h.DocumentId))
                     .GroupBy(h => rowOf[h.DocumentId].Key))
        {
            var row = rowOf[group.First().DocumentId];
            var ranked = group.OrderByDescending(h => h.Score).ThenBy(h => h.Doc).ToList();
            // The best passage of each document first, so a row of several documents shows each of them.
            var strongest = ranked.DistinctBy(h => h.DocumentId).Concat(ranked).Distinct().Take(maxPassages)
                .Select(h => Passage(searcher, row, h.Doc, h.Score, snippets))
                .ToList();
            var score = ranked.Count + (CompareThresholds.HeadingBonus * ranked.Count(h => headed.ContainsKey(h.Doc)));
            byRow[group.Key] = new RowEvidence(score, ranked.Count, strongest);
        }
        return byRow;
    }

    private static ComparePassage Passage(IndexSearcher searcher, CompareRow row, int doc, float score, SnippetBuilder snippets)
    {
        var hit = StoredHit.Read(StoredHit.Load(searcher, doc), score, snippets);
        var document = row.Documents.First(d => string.Equals(d.Id, hit.DocumentId, StringComparison.OrdinalIgnoreCase));
        return new ComparePassage(hit.DocumentId, hit.Title, hit.Clause, hit.HeadingPath, hit.PageStart, hit.PageEnd,
            hit.Snippet, MathF.Round(score, 4), document.Year, document.Language);
    }

    private static List<(int Doc, float Score)> Collect(IndexSearcher searcher, Query query)
    {
        var collector = new AllHitsCollector();
        searcher.Search(query, collector);
        return collector.Hits;
    }

    private sealed record RowEvidence(double Score, int Matched, IReadOnlyList<ComparePassage> Passages)
    {
        public CompareCell ToCell(string rowKey, string topicId) =>
            new(rowKey, topicId, CompareThresholds.Verdict(Score), Score, Matched, Passages);
    }
}
