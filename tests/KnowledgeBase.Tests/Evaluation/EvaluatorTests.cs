using KnowledgeBase.Core.Search;
using KnowledgeBase.Core.Search.Evaluation;

namespace KnowledgeBase.Tests.Evaluation;

public sealed class EvaluatorTests
{
    [Fact]
    public async Task Run_AveragesPerKindAndOverall_AndPassesTheVariantToEverySearch()
    {
        // Two paraphrase queries answered at ranks 1 and 2, one identifier query not answered at all.
        var set = new EvaluationSet(
        [
            new EvaluationQuery("q1", "first", "paraphrase", [new Judgment("a.pdf", null, 1)]),
            new EvaluationQuery("q2", "second", "paraphrase", [new Judgment("b.pdf", null, 1)]),
            new EvaluationQuery("q3", "third", "identifier", [new Judgment("c.pdf", null, 1)]),
        ]);
        var rankings = new Dictionary<string, string[]>
        {
            ["first"] = ["a.pdf", "x.pdf"],
            ["second"] = ["x.pdf", "b.pdf"],
            ["third"] = ["x.pdf", "y.pdf"],
        };
        var seen = new List<SearchRequest>();
        Task<SearchResults> Search(SearchRequest request, CancellationToken cancellationToken)
        {
            seen.Add(request);
            var hits = rankings[request.Query].Select((file, i) => new SearchHit($"d{i}", file, null, $"/corpus/{file}", null, "", 1, 1, 2 - i, "", 0)).ToList();
            return Task.FromResult(new SearchResults(request.Query, hits.Count, hits));
        }
        var variant = new EvaluationVariant("hybrid by document", SearchMode.Hybrid, new SearchOptions(), GroupByDocument: true);

        var rows = await Evaluator.RunAsync(Search, set, variant, CancellationToken.None);

        var all = rows.Single(r => r.Kind == "all");
        var paraphrase = rows.Single(r => r.Kind == "paraphrase");
        var identifier = rows.Single(r => r.Kind == "identifier");
        Assert.Equal(3, all.Queries);
        Assert.Equal(1.5 / 3, all.MrrAt10, 6);
        Assert.Equal(2.0 / 3, all.RecallAt5, 6);
        Assert.Equal(1.0 / 3, all.RecallAt1, 6);
        Assert.Equal(0.75, paraphrase.MrrAt10, 6);
        Assert.Equal(0, identifier.MrrAt10);
        Assert.All(rows, r => Assert.Equal("hybrid by document", r.Variant));
        Assert.All(seen, r => Assert.True(r.Mode == SearchMode.Hybrid && r.GroupByDocument && r.Top == 10));
    }
}
