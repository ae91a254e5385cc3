using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Search;

public sealed class EditionIndexTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void Editions_SameIdentifier_NewestInForce_OlderSuperseded_CorrigendumJoinsChain()
    {
        using var index = KeywordIndex.OpenForWriting(_temp.Combine("index"));
        IndexedDocuments.Add(index, "old", "Incident management guidelines, first edition.", Rec("X.1056", "2009-01"));
        IndexedDocuments.Add(index, "new", "Incident management guidelines, second edition.", Rec("X.1056", "2021-03"));
        IndexedDocuments.Add(index, "cor", "Corrigendum to the incident management guidelines.",
            Rec("X.1056 Cor.1", "2022-05") with { ModificationKind = "corrigendum", ModificationNumber = 1, BaseIdentifier = "X.1056" });

        var editions = index.Editions();

        Assert.Equal("in-force", editions.StatusOf("new"));
        Assert.Equal("superseded", editions.StatusOf("old"));
        Assert.Equal("in-force", editions.StatusOf("cor"));
        Assert.Equal(["cor", "new", "old"], editions.ChainOf("old").Select(e => e.DocumentId));
    }

    [Fact]
    public void Editions_StatedSuperseded_IsNeverCurrent()
    {
        using var index = KeywordIndex.OpenForWriting(_temp.Combine("index"));
        IndexedDocuments.Add(index, "withdrawn", "Withdrawn text.", Rec("X.9", "2020-01") with { Status = "superseded" });
        IndexedDocuments.Add(index, "older", "Older text.", Rec("X.9", "2010-01"));

        var editions = index.Editions();

        Assert.Equal("superseded", editions.StatusOf("withdrawn"));
        Assert.Equal("in-force", editions.StatusOf("older"));
    }

    [Fact]
    public void Search_RanksInForceEditionAboveSuperseded_AndCanLeaveSupersededOut()
    {
        using var index = KeywordIndex.OpenForWriting(_temp.Combine("index"));
        // The old edition is shorter, so on its words alone it scores a little higher.
        IndexedDocuments.Add(index, "old", "incident triage procedures", Rec("X.1056", "2009-01"));
        IndexedDocuments.Add(index, "new", "incident triage procedures for operators", Rec("X.1056", "2021-03"));

        var ranked = index.Search(new SearchRequest("incident triage")).Hits;
        var inForce = index.Search(new SearchRequest("incident triage") { Filters = new SearchFilters { Statuses = ["in-force"] } }).Hits;
        var superseded = index.Search(new SearchRequest("incident triage") { Filters = new SearchFilters { Statuses = ["superseded"] } }).Hits;

        Assert.Equal(["new", "old"], ranked.Select(h => h.DocumentId));
        Assert.Equal(["new"], inForce.Select(h => h.DocumentId));
        Assert.Equal(["old"], superseded.Select(h => h.DocumentId));
    }

    public void Dispose() => _temp.Dispose();

    private static DocumentMetadata Rec(string identifier, string date) => new()
    {
        Type = "itu-t-recommendation",
        Identifier = identifier,
        Series = "X",
        ApprovalDate = date,
        Year = int.Parse(date[..4], System.Globalization.CultureInfo.InvariantCulture),
    };
}
