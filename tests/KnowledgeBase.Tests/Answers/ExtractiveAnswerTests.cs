using System.Text.RegularExpressions;
using KnowledgeBase.Core.Answers;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Tests.Answers;

public sealed partial class ExtractiveAnswerTests(NistIndexFixture nist) : IClassFixture<NistIndexFixture>
{
    [Fact]
    public async Task Ask_LifeCycleQuestion_CitesSp80061PassagesNamingThePhases()
    {
        var answer = await Ask("What are the phases of the incident response life cycle?");

        Assert.Equal(AnswerKind.Extractive, answer.Kind);
        Assert.NotEmpty(answer.Citations);
        Assert.All(answer.Citations, c => Assert.Contains("800-61", c.Identifier ?? c.Title, StringComparison.Ordinal));
        Assert.Contains(answer.Citations, c => Normalize(c.Passage).Contains("detection and analysis", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_SharingBenefitsQuestion_CitesSp800150OnSituationalAwareness()
    {
        var answer = await Ask("What are the benefits of sharing cyber threat information?");

        Assert.Contains(answer.Citations, c => (c.Identifier ?? "").Contains("800-150", StringComparison.Ordinal)
            && Normalize(c.Passage).Contains("situational awareness", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_EverySentenceIsQuotedFromThePassageItsMarkerCites()
    {
        var answer = await Ask("How should an organization prioritize the handling of incidents?");

        var sentences = MarkedSentence().Matches(answer.Text);
        Assert.InRange(sentences.Count, 1, 5);
        foreach (Match sentence in sentences)
        {
            var citation = answer.Citations.Single(c => c.Marker == int.Parse(sentence.Groups["n"].Value));
            // A lead-in is quoted with the first sentence of each list item after it; each piece is verbatim.
            foreach (var piece in sentence.Groups["text"].Value.Split('•', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Assert.Contains(Normalize(piece).Trim(), Normalize(citation.Passage), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Stream_WithoutModel_SendsSourcesTheExtractedTextAndDone()
    {
        var events = new List<AnswerEvent>();
        await foreach (var e in AnswerFixtures.Extractive(nist.Index).StreamAsync(new AnswerRequest("What are the phases of the incident response life cycle?"), CancellationToken.None))
        {
            events.Add(e);
        }

        Assert.Equal([AnswerEventKind.Sources, AnswerEventKind.TextDelta, AnswerEventKind.Done], events.Select(e => e.Kind));
        Assert.Equal(events[2].Answer!.Text, events[1].Delta);
        Assert.Equal(AnswerKind.Extractive, events[2].Answer!.Kind);
        Assert.All(events[2].Answer!.Citations, c => Assert.Contains(events[0].Sources!, s => s.Marker == c.Marker && s.DocumentId == c.DocumentId));
    }

    [Fact]
    public async Task Ask_NonsenseQuestion_IsNotFound()
    {
        var answer = await Ask("Which purple elephants juggle quantum bananas on Saturn?");

        Assert.Equal(AnswerKind.NotFound, answer.Kind);
        Assert.Empty(answer.Citations);
        Assert.Contains("not found in the knowledge base", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Quelle est la recette de la tarte aux pommes de grand-mère ?", "base de connaissances")]
    [InlineData("¿Cuál es la receta de la tortilla de patatas de la abuela?", "base de conocimientos")]
    public async Task Ask_NonsenseQuestionInFrenchOrSpanish_SaysNotFoundInThatLanguage(string question, string expected)
    {
        var answer = await Ask(question);

        Assert.Equal(AnswerKind.NotFound, answer.Kind);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_ShortFollowUpWithoutModel_CarriesOverThePreviousQuestionsTerms()
    {
        var request = new AnswerRequest("and what about its eradication?")
        {
            History = [new ChatTurn("user", "What does SP 800-61 say about containment strategies?"), new ChatTurn("assistant", "…")],
        };

        var answer = await AnswerFixtures.Extractive(nist.Index).AskAsync(request, CancellationToken.None);

        Assert.Contains("containment", answer.SearchedQuestion, StringComparison.Ordinal);
        Assert.Contains("SP800-61", answer.SearchedQuestion, StringComparison.Ordinal);
        Assert.Contains(answer.Citations, c => Normalize(c.Passage).Contains("eradication", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_FilterToOneDocument_CitesOnlyThatDocument()
    {
        var filters = new SearchFilters { Identifiers = ["SP 800-150"] };

        var answer = await AnswerFixtures.Extractive(nist.Index)
            .AskAsync(new AnswerRequest("How should incident information be shared?") { Filters = filters }, CancellationToken.None);

        Assert.NotEmpty(answer.Citations);
        Assert.All(answer.Citations, c => Assert.Contains("800-150", c.Identifier, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Ask_EmptyQuestion_ThrowsValidationNamingTheField(string question)
    {
        var error = await Assert.ThrowsAsync<AnswerValidationException>(() => Ask(question));

        Assert.Equal("question", error.Field);
    }

    [Fact]
    public async Task Ask_QuestionOverTheLimit_ThrowsValidationNamingTheField()
    {
        var error = await Assert.ThrowsAsync<AnswerValidationException>(() => Ask(new string('a', AnswerRequest.MaxQuestionLength + 1)));

        Assert.Equal("question", error.Field);
    }

    [Fact]
    public async Task Ask_GenerativeModeWithoutModel_ThrowsValidationNamingTheMode()
    {
        var error = await Assert.ThrowsAsync<AnswerValidationException>(() =>
            AnswerFixtures.Extractive(nist.Index).AskAsync(new AnswerRequest("incident phases") { Mode = AnswerMode.Generative }, CancellationToken.None));

        Assert.Equal("mode", error.Field);
    }

    [Fact]
    public async Task Ask_NeverQuotesAListItemAgainAfterTheSentenceThatIntroducedIt()
    {
        var answer = await Ask("What is an incident response team?");

        var quoted = MarkedSentence().Matches(answer.Text).Select(m => Normalize(m.Groups["text"].Value).Trim(' ', '•')).ToList();
        Assert.True(quoted.Count >= 2, answer.Text);
        Assert.All(quoted, sentence => Assert.Single(quoted, other => other.Contains(sentence, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Split_Sp80061TeamPassages_LeaveEveryNumberedClauseHeadingOut()
    {
        // SP 800-61's clause 2.5 passage opens with "2.5 Incident Response Team Services" on a line of its own, which
        // the list marker pattern (for items such as "2.13.3.1 The CIRT shall …") took for a list item: `kb ask "What is
        // an incident response team?"` quoted it.
        var hits = (await AnswerFixtures.Search(nist.Index).SearchAsync(new SearchRequest("incident response team services", Top: 20), CancellationToken.None)).Hits;

        var units = hits.SelectMany(h => PassageUnits.Split(h.Text)).ToList();

        Assert.Contains(units, u => u.Text == "2.5 Incident Response Team Services");
        var quotableHeadings = units.Where(u => NumberedClause().IsMatch(u.Text) && UnquotableUnits.IsHeading(u.Text) && !UnquotableUnits.Excludes(u));
        Assert.Empty(quotableHeadings.Select(u => u.Text));
    }

    private Task<Answer> Ask(string question) => AnswerFixtures.Extractive(nist.Index).AskAsync(new AnswerRequest(question), CancellationToken.None);

    private static string Normalize(string text) => Whitespace().Replace(PrivateUse().Replace(text, "•"), " ").ToLowerInvariant();

    [GeneratedRegex(@"(?<text>[^\[\]]+?)\s*\[(?<n>\d+)\]")]
    private static partial Regex MarkedSentence();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\d{1,2}(?:\.\d{1,2})+\s")]
    private static partial Regex NumberedClause();

    [GeneratedRegex(@"[\uE000-\uF8FF]")]
    private static partial Regex PrivateUse();
}
