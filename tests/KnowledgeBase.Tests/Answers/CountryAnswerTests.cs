using System.Text.RegularExpressions;
using KnowledgeBase.Core.Answers;
using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Search;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Answers;

/// <summary>
/// Three national strategies that say nearly the same about their CIRT, so that a search for one country's answer
/// would find the others' passages too unless the country named in the question bounds it.
/// </summary>
public sealed partial class CountryAnswerTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly KeywordIndex _index;

    public CountryAnswerTests()
    {
        _index = KeywordIndex.OpenForWriting(_temp.Combine("index"));
        Strategy("benin", "BJ", "Le Bénin crée une équipe nationale de réponse aux incidents informatiques (CIRT) rattachée à l'ANSSI.", "fr");
        Strategy("togo", "TG", "Le Togo crée une équipe nationale de réponse aux incidents informatiques (CIRT) au sein de l'ANCy.", "fr");
        Strategy("ghana", "GH", "Ghana establishes a national computer emergency response team (CIRT) under the Cyber Security Authority.", "en");
    }

    [Fact]
    public async Task Ask_OneCountryNamed_CitesOnlyThatCountrysDocuments()
    {
        var answer = await Ask("Comment le Bénin organise-t-il son équipe nationale de réponse aux incidents ?");

        Assert.Equal(AnswerKind.Extractive, answer.Kind);
        Assert.NotEmpty(answer.Citations);
        Assert.All(answer.Sources, s => Assert.Equal("benin", s.DocumentId));
        var part = Assert.Single(answer.ByCountry);
        Assert.Equal(("BJ", "Bénin"), (part.CountryCode, part.NamedAs));
        Assert.Equal(answer.Text, part.Text);
    }

    [Fact]
    public async Task Ask_SeveralCountriesNamed_AnswersEachFromItsOwnDocumentsWithMarkersNumberedOn()
    {
        var answer = await Ask("How do Togo, Ghana and Benin set up their national CIRT?");

        Assert.Equal(["TG", "GH", "BJ"], answer.ByCountry.Select(p => p.CountryCode));
        foreach (var part in answer.ByCountry)
        {
            Assert.NotEmpty(part.Citations);
            Assert.All(part.Citations, c => Assert.Equal(part.Country.ToLowerInvariant(), c.DocumentId));
            Assert.StartsWith($"{part.NamedAs}: {part.Text}", answer.Text[answer.Text.IndexOf(part.NamedAs + ":", StringComparison.Ordinal)..], StringComparison.Ordinal);
        }
        // Every marker of the whole text points at the source of the same number, and no number is used twice.
        Assert.Equal(answer.Sources.Count, answer.Sources.Select(s => s.Marker).Distinct().Count());
        foreach (Match marker in Marker().Matches(answer.Text))
        {
            var cited = answer.Sources.Single(s => s.Marker == int.Parse(marker.Groups[1].Value));
            Assert.Contains(answer.Citations, c => c.Marker == cited.Marker && c.DocumentId == cited.DocumentId);
        }
    }

    [Fact]
    public async Task Ask_CountryWithoutDocuments_SaysNotFoundForItAndAnswersTheOthers()
    {
        var answer = await Ask("Do Ghana and Chad have a national CIRT?");

        Assert.Equal(AnswerKind.Extractive, answer.Kind);
        Assert.Equal(AnswerKind.Extractive, answer.ByCountry.Single(p => p.CountryCode == "GH").Kind);
        var chad = answer.ByCountry.Single(p => p.CountryCode == "TD");
        Assert.Equal(AnswerKind.NotFound, chad.Kind);
        Assert.Empty(chad.Citations);
    }

    [Fact]
    public async Task Ask_CountryFilterGiven_OnlyNamedCountriesInsideItAreAnswered()
    {
        var request = new AnswerRequest("How do Togo and Ghana set up their national CIRT?") { Filters = new SearchFilters { Countries = ["GH"] } };

        var answer = await AnswerFixtures.Extractive(_index).AskAsync(request, CancellationToken.None);

        Assert.Equal("GH", Assert.Single(answer.ByCountry).CountryCode);
        Assert.All(answer.Sources, s => Assert.Equal("ghana", s.DocumentId));
    }

    [Fact]
    public async Task Ask_NoCountryNamed_LeavesTheAnswerAsBefore()
    {
        // Focusing on one leading document would narrow the sources for its own reason; without it, an unfiltered
        // answer draws on several countries' documents.
        var service = new AnswerService(AnswerFixtures.Search(_index), new AnswerOptions { FocusMargin = -1 });
        var answer = await service.AskAsync(new AnswerRequest("How is a national CIRT set up?"), CancellationToken.None);

        Assert.Empty(answer.ByCountry);
        Assert.True(answer.Sources.Select(s => s.DocumentId).Distinct().Count() > 1);
    }

    [Fact]
    public async Task Stream_SeveralCountriesNamed_SendsTheComposedAnswer()
    {
        var events = new List<AnswerEvent>();
        await foreach (var e in AnswerFixtures.Extractive(_index).StreamAsync(new AnswerRequest("Benin and Ghana: national CIRT?"), CancellationToken.None))
        {
            events.Add(e);
        }

        Assert.Equal([AnswerEventKind.Sources, AnswerEventKind.TextDelta, AnswerEventKind.Done], events.Select(e => e.Kind));
        var done = events[2].Answer!;
        Assert.Equal(["BJ", "GH"], done.ByCountry.Select(p => p.CountryCode));
        Assert.Equal(done.Text, events[1].Delta);
        Assert.Equal(done.Sources.Select(s => (s.Marker, s.DocumentId)), events[0].Sources!.Select(s => (s.Marker, s.DocumentId)));
    }

    [Fact]
    public void KbAskJson_CarriesThePerCountryParts()
    {
        var path = _temp.Combine("cli-index");
        using (var index = KeywordIndex.OpenForWriting(path))
        {
            foreach (var (id, code) in new[] { ("benin", "BJ"), ("togo", "TG") })
            {
                IndexedDocuments.Add(index, id, $"The strategy of {id} establishes a national computer incident response team.", new DocumentMetadata { Title = id, CountryCode = code });
            }
        }

        var (exit, output, error) = KbProcess.Run("--index", path, "ask", "Which national incident response team do Benin and Togo establish?", "--json");

        Assert.True(exit == 0, error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var parts = json.RootElement.GetProperty("byCountry").EnumerateArray().ToList();
        Assert.Equal(["BJ", "TG"], parts.Select(p => p.GetProperty("countryCode").GetString()));
        Assert.Equal(["benin", "togo"], parts.Select(p => p.GetProperty("citations")[0].GetProperty("documentId").GetString()));
    }

    private Task<Answer> Ask(string question) =>
        AnswerFixtures.Extractive(_index).AskAsync(new AnswerRequest(question), CancellationToken.None);

    private void Strategy(string id, string code, string text, string language)
    {
        var country = Countries.ByCode(code)!;
        IndexedDocuments.Add(_index, id, text, new DocumentMetadata
        {
            Title = $"{country.Name} national cybersecurity strategy",
            CountryCode = code,
            CountryName = country.Name,
            Region = country.Region,
        }, language);
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Marker();

    public void Dispose()
    {
        _index.Dispose();
        _temp.Dispose();
    }
}
