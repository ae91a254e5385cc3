using System.Text.RegularExpressions;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Core.Answers;

/// <summary>Fetches and numbers the passages an answer may cite, through the same search service as every host.</summary>
internal sealed partial class PassageRetriever(SearchService search)
{
    public async Task<IReadOnlyList<NumberedPassage>> RetrieveAsync(
        string question, SearchFilters filters, SearchMode? mode, int count, CancellationToken cancellationToken)
    {
        var query = SearchSyntax().Replace(question, " ");
        var results = await search.SearchAsync(new SearchRequest(query, count) { Filters = filters, Mode = mode }, cancellationToken);
        return results.Hits
            .Where(h => !string.IsNullOrWhiteSpace(h.Text))
            .Select((hit, i) => new NumberedPassage(i + 1, hit))
            .ToList();
    }

    // A question is not a search expression: quotes, and + or - before a word, would change what must match.
    [GeneratedRegex(@"[""“”]|(?<=^|\s)[+-]+")]
    private static partial Regex SearchSyntax();
}
