using KnowledgeBase.Core.Documents.Metadata;

namespace KnowledgeBase.Tests.Metadata;

public sealed class CountryMentionsTests
{
    [Theory]
    [InlineData("Show me how Benin, Togo and Ghana treat critical infrastructure, side by side.", "BJ,TG,GH")]
    [InlineData("Que dit la stratégie du Bénin sur le CERT national ?", "BJ")]
    [InlineData("¿Qué dice la estrategia de España sobre la protección de la infancia?", "ES")]
    [InlineData("Какие меры предусмотрены в Казахстане и в России?", "KZ,RU")]
    [InlineData("ما هي استراتيجية المغرب والأردن للأمن السيبراني؟", "MA,JO")]
    [InlineData("贝宁和多哥的国家网络安全战略如何建立计算机应急响应小组？", "BJ,TG")]
    [InlineData("How do BJ, TG and CI treat child online protection?", "BJ,TG,CI")]
    [InlineData("What does Papua New Guinea's strategy say?", "PG")]
    [InlineData("Compare the Democratic Republic of the Congo with Congo and Niger with Nigeria", "CD,CG,NE,NG")]
    [InlineData("Is the US strategy older than the UK one?", "US,GB")]
    [InlineData("Côte d'Ivoire et la République togolaise", "CI,TG")]
    public void Find_NamesInAnyItuLanguageOrCodes_GivesTheCountriesInOrder(string text, string codes)
    {
        var found = CountryMentions.Find(text);

        Assert.Equal(codes.Split(','), found.Select(m => m.Country.Code));
    }

    [Theory]
    [InlineData("How should IT and HR teams in SG17 handle incidents?")]
    [InlineData("Tell us about incident response")]
    [InlineData("What does NIST IR 7298 say about threats?")]
    [InlineData("Should a turkey be roasted or a chad punched?")]
    [InlineData("Which ITU-T Recommendation covers CI/CD pipelines?")]
    public void Find_AbbreviationsAndCommonWords_AreNotCountries(string text)
    {
        Assert.Empty(CountryMentions.Find(text));
    }

    [Fact]
    public void Find_GivesTheWordsAsWrittenAndWhereTheyStart()
    {
        const string text = "Comment le Bénin et le Togo organisent-ils leur CIRT ?";

        var found = CountryMentions.Find(text);

        Assert.Equal(["Bénin", "Togo"], found.Select(m => m.Text));
        Assert.All(found, m => Assert.Equal(m.Text, text.Substring(m.Start, m.Text.Length)));
    }
}
