using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Core.Answers;

/// <summary>
/// The countries a question asks about, in any of the six ITU languages or as ISO codes, within the request's own
/// country and region filters: each is answered from its own documents only, so "Bénin" no longer cites Togo.
/// </summary>
internal static class QuestionCountries
{
    public static IReadOnlyList<CountryMention> In(string question, SearchFilters filters)
    {
        var named = CountryMentions.Find(question);
        return named
            .Where(m => filters.Countries.Count == 0 || filters.Countries.Contains(m.Country.Code, StringComparer.OrdinalIgnoreCase))
            .Where(m => filters.Regions.Count == 0 || filters.Regions.Contains(m.Country.Region, StringComparer.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>
    /// The question without its country names, to search one country's documents with: every passage is already that
    /// country's, and another country's name would only count against the sentences that do not repeat it.
    /// </summary>
    public static string Without(string question)
    {
        var text = question;
        foreach (var mention in CountryMentions.Find(question).OrderByDescending(m => m.Start))
        {
            text = string.Concat(text.AsSpan(0, mention.Start), " ", text.AsSpan(mention.Start + mention.Text.Length));
        }
        return string.IsNullOrWhiteSpace(text) ? question : text;
    }

    public static SearchFilters For(CountryMention mention, SearchFilters filters) =>
        filters with { Countries = [mention.Country.Code] };
}
