using System.Net;
using System.Text.Json.Nodes;
using KnowledgeBase.Api.Tests.Support;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Api.Tests;

/// <summary>Search modes, grouping and query-string filters over the HTTP API, on an index embedded by the built-in model.</summary>
public sealed class SearchModeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Every_mode_answers_with_the_same_filters_and_grouping_gives_one_passage_per_document()
    {
        using var host = ApiHost.In(_folder);
        using var writer = host.CreateWriter();
        var sharing = await Calls.IngestAsync(writer, TestPaths.SampleCorpus("nist_sp800-150_2016.pdf"));
        await Calls.IngestAsync(writer, TestPaths.SampleCorpus("nist_sp800-61r2_2012.pdf"));

        foreach (var mode in new[] { "bm25", "dense", "hybrid" })
        {
            var filtered = await Calls.SearchAsync(writer, $"q=how+should+partners+exchange+threat+indicators&mode={mode}&identifier=SP+800-150&top=5");
            Assert.Equal(5, Calls.HitDocuments(filtered).Count());
            Assert.All(Calls.HitDocuments(filtered), id => Assert.Equal(sharing, id));
        }
        var grouped = await Calls.SearchAsync(writer, "q=incident+information+sharing&groupBy=document&top=10");
        Assert.Equal(2, Calls.HitDocuments(grouped).Count());
        Assert.Equal(2, Calls.HitDocuments(grouped).Distinct().Count());
        await Calls.ProblemAsync(await writer.GetAsync("/api/search?q=x&groupBy=chapter"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Facets_are_counted_when_asked_by_query_string_or_body_and_left_out_otherwise()
    {
        using var host = ApiHost.In(_folder);
        using var writer = host.CreateWriter();
        await Calls.IngestAsync(writer, TestPaths.SampleCorpus("nist_sp800-150_2016.pdf"));
        await Calls.IngestAsync(writer, TestPaths.SampleCorpus("nist_sp800-61r2_2012.pdf"));

        var plain = await Calls.SearchAsync(writer, "q=incident+information+sharing&mode=bm25");
        var asked = await Calls.SearchAsync(writer, "q=incident+information+sharing&mode=bm25&facets=true");
        using var posted = await Calls.PostJsonAsync(writer, "/api/search", new { q = "incident information sharing", mode = "bm25", facets = true });
        var postedBody = JsonNode.Parse(await posted.Content.ReadAsStringAsync())!;

        Assert.Empty(plain["facets"]!.AsObject());
        Assert.Equal(Calls.HitDocuments(plain), Calls.HitDocuments(asked));
        // Both NIST publications match, so the language facet counts two documents in English.
        Assert.Equal(2, asked["facets"]!["lang"]!.AsArray().Single(f => (string?)f!["value"] == "en")!["count"]!.GetValue<int>());
        Assert.Equal(asked["facets"]!.ToJsonString(), postedBody["facets"]!.ToJsonString());
        await Calls.ProblemAsync(await writer.GetAsync("/api/search?q=x&facets=maybe"), HttpStatusCode.BadRequest);
    }

    public void Dispose() => _folder.Dispose();
}
