using System.CommandLine;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Cli.Commands;

/// <summary>`kb search "QUERY"` or `kb search --batch queries.jsonl`: ranked passages with clause and page.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string?>("query") { Description = "What to look for", Arity = ArgumentArity.ZeroOrOne };
        var top = new Option<int>("--top") { Description = "Number of passages", DefaultValueFactory = _ => 10 };
        var batch = new Option<FileInfo?>("--batch") { Description = "JSON Lines file of {\"id\", \"query\"}; writes one JSON line of hits per query" };
        var filterOptions = new FilterOptions();
        var command = new Command("search", "Search passages") { query, top, batch, CliRoot.Json };
        foreach (var option in filterOptions.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => CliErrors.Guard(() =>
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
            using var index = KeywordIndex.OpenForReading(CliRoot.IndexPath(parse));
            if (parse.GetValue(batch) is { } file)
            {
                return BatchSearch.Run(index, file, count, filters);
            }
            var text = parse.GetValue(query);
            if (string.IsNullOrWhiteSpace(text))
            {
                return CliErrors.Fail("give a query, or --batch FILE");
            }
            var results = index.Search(new SearchRequest(text, count) { Filters = filters });
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
