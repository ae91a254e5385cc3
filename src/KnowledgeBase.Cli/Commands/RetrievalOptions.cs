using System.CommandLine;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Cli.Commands;

/// <summary>How `kb search` retrieves: the mode, document grouping and query expansion; and the search service for them.</summary>
internal sealed class RetrievalOptions
{
    private readonly Option<SearchMode?> _mode = new("--mode") { Description = "bm25, dense or hybrid (default: $KB__Search__DefaultMode, else hybrid; bm25 when the index has no vectors)" };
    private readonly Option<string?> _groupBy = new("--group-by") { Description = "document: only the best passage of each document" };
    private readonly Option<bool> _expand = new("--expand") { Description = "Expand the query with terms of the best keyword passages" };

    public IEnumerable<Option> All => [_mode, _groupBy, _expand];

    /// <summary>The request's retrieval settings, or an error naming the option that is wrong.</summary>
    public (SearchRequest? Request, string? Error) Apply(ParseResult parse, SearchRequest request)
    {
        var groupBy = parse.GetValue(_groupBy);
        if (groupBy is not null and not "document" and not "passage")
        {
            return (null, $"--group-by: \"{groupBy}\" is not document or passage");
        }
        return (request with { Mode = parse.GetValue(_mode), GroupByDocument = groupBy == "document", ExpandQuery = parse.GetValue(_expand) }, null);
    }

    public static SearchService Open(KeywordIndex index, IServiceProvider services, SearchOptions? options = null) =>
        new(index, options ?? services.GetRequiredService<SearchOptions>(), services.GetService<PassageEmbedder>());
}
