using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Tests.Search;

public sealed class QueryLanguageGuessTests
{
    [Theory]
    [InlineData("comment le Bénin compte-t-il combattre la cybercriminalité", "fr")]
    [InlineData("estrategias de ciberseguridad para los operadores", "es")]
    [InlineData("what is the role of the national incident response team", "en")]
    [InlineData("информационной безопасности", "ru")]
    [InlineData("الأمن السيبراني", "ar")]
    [InlineData("网络安全", "zh")]
    [InlineData("X.1056", null)]
    [InlineData("ciberseguridad nacional", null)]
    public void Guess_ByScriptOrFunctionWords(string query, string? expected) =>
        Assert.Equal(expected, QueryLanguageGuess.Guess(query));
}
