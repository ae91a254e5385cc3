using KnowledgeBase.Core.Documents.Metadata;

namespace KnowledgeBase.Tests.Metadata;

public sealed class CountriesTests
{
    [Theory]
    [InlineData("costa-rica", "CR")]
    [InlineData("north_macedonia", "MK")]
    [InlineData("SOUTH-KOREA", "KR")]
    [InlineData("usa", "US")]
    [InlineData("Tchad", "TD")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("cote divoire", "CI")]
    [InlineData("Bénin", "BJ")]
    [InlineData("benin", "BJ")]
    [InlineData("España", "ES")]
    [InlineData("Казахстан", "KZ")]
    [InlineData("Российская Федерация", "RU")]
    [InlineData("The Gambia", "GM")]
    [InlineData("sa", "SA")]
    [InlineData("Türkiye", "TR")]
    [InlineData("turkey", "TR")]
    [InlineData("بنين", "BJ")]
    [InlineData("المملكة العربية السعودية", "SA")]
    [InlineData("贝宁", "BJ")]
    [InlineData("多哥", "TG")]
    [InlineData("République du Bénin", "BJ")]
    [InlineData("Республика Бенин", "BJ")]
    public void Lookup_NameOrCodeInAnySpelling_FindsTheCountry(string nameOrCode, string code)
    {
        var country = Countries.Lookup(nameOrCode);

        Assert.NotNull(country);
        Assert.Equal(code, country.Code);
    }

    [Theory]
    [InlineData("Mauritania", "Arab States")]
    [InlineData("Uzbekistan", "CIS")]
    [InlineData("Samoa", "Asia-Pacific")]
    [InlineData("Belize", "Americas")]
    [InlineData("Togo", "Africa")]
    [InlineData("Latvia", "Europe")]
    public void Lookup_GivesTheItuDRegion(string name, string region)
    {
        Assert.Equal(region, Countries.Lookup(name)?.Region);
    }

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("")]
    [InlineData("XX")]
    public void Lookup_UnknownName_ReturnsNull(string nameOrCode)
    {
        Assert.Null(Countries.Lookup(nameOrCode));
    }

    [Fact]
    public void All_CoversEveryItuMemberStateOnceWithAValidRegion()
    {
        Assert.True(Countries.All.Count >= 193);
        Assert.Equal(Countries.All.Count, Countries.All.Select(c => c.Code).Distinct().Count());
        Assert.All(Countries.All, c => Assert.Contains(c.Region, MetadataVocabulary.Regions));
    }
}
