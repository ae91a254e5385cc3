using System.CommandLine;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Cli.Commands;

/// <summary>`kb search "QUERY"` or `kb search --batch queries.jsonl`: ranked passages with clause and page.</summary>
internal static class SearchCommand
{
    public static Command Create(IServiceProvider services)
    {
        var query = new Argument<string?>("query") { Description = "What to look for", Arity = ArgumentArity.ZeroOrOne };
        var top = new Option<int>("--top") { Description = "Number of passages", DefaultValueFactory = _ => 10 };
        var batch = new Option<FileInfo?>("--batch") { Description = "JSON Lines file of {\"id\", \"query\"}; writes one JSON line of hits per query" };
        var filterOptions = new FilterOptions();
        var retrievalOptions = new RetrievalOptions();
        var command = new Command("search", "Search passages") { query, top, batch, CliRoot.Json };
        foreach (var option in filterOptions.All.Concat(retrievalOptions.All))
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            var count = parse.GetValue(top);
            if (count is < 1 or > 1000)
            {
                return CliErrors.Fail("--top must be between 1 and 1000");
            }
            var (filters, error) = filterOptions.Read(parse);
            if (filters is null)
            {
                return CliErrors.Fail(error!);
            }
            var (template, retrievalError) = retrievalOptions.Apply(parse, new SearchRequest("", count) { Filters = filters });
            if (template is null)
            {
                return CliErrors.Fail(retrievalError!);
            }
            using var index = KeywordIndex.OpenForReading(CliRoot.IndexPath(parse));
            var search = RetrievalOptions.Open(index, services);
            if (parse.GetValue(batch) is { } file)
            {
                return await BatchSearch.RunAsync(search, file, template, cancellationToken);
            }
            var text = parse.GetValue(query);
            if (string.IsNullOrWhiteSpace(text))
            {
                return CliErrors.Fail("give a query, or --batch FILE");
            }
            // One search shows its facets under the results (or in --json); a batch writes hits only.
            var results = await search.SearchAsync(template with { Query = text, IncludeFacets = true }, cancellationToken);
            if (parse.GetValue(CliRoot.Json))
            {
                JsonOutput.Write(new { results.Query, results.TotalHits, Hits = results.Hits.Select(HitJson.From), results.Facets });
            }
            else
            {
                SearchView.Write(results);
            }
            return 0;
        }));
        return command;
    }
}
