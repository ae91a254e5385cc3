using KnowledgeBase.Core.Answers;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Answers;

/// <summary>
/// The weak spot the answers issue noted, on the real strategies: Benin's and Togo's (both in French, both on
/// incident response) answered a question naming Benin from Togo's text too.
/// </summary>
public sealed class SharedCountryAnswerTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [SharedCorpusFact]
    public async Task Ask_BeninNamed_CitesOnlyBeninsStrategyAndTwoCountriesGetAPartEach()
    {
        var path = _temp.Combine("index");
        Ingest.Paths(path, TestPaths.SharedCorpus("text/ncss_benin_2020_fr.txt"), TestPaths.SharedCorpus("text/ncss_togo_2024_fr.txt"));
        using var index = KeywordIndex.OpenForReading(path);
        var service = AnswerFixtures.Extractive(index);
        var benin = index.Catalog.All.Single(r => r.Metadata.CountryCode == "BJ").Id;
        var togo = index.Catalog.All.Single(r => r.Metadata.CountryCode == "TG").Id;

        var one = await service.AskAsync(new AnswerRequest("Comment le Bénin organise-t-il la réponse aux incidents de sécurité ?"), CancellationToken.None);
        var two = await service.AskAsync(new AnswerRequest("Comment le Bénin et le Togo organisent-ils la réponse aux incidents de sécurité ?"), CancellationToken.None);

        Assert.Equal(AnswerKind.Extractive, one.Kind);
        Assert.NotEmpty(one.Citations);
        Assert.All(one.Sources, s => Assert.Equal(benin, s.DocumentId));
        Assert.Equal(["BJ", "TG"], two.ByCountry.Select(p => p.CountryCode));
        Assert.All(two.ByCountry[0].Citations, c => Assert.Equal(benin, c.DocumentId));
        Assert.All(two.ByCountry[1].Citations, c => Assert.Equal(togo, c.DocumentId));
        Assert.All(two.ByCountry, p => Assert.NotEmpty(p.Citations));
    }

    public void Dispose() => _temp.Dispose();
}
