using System.CommandLine;
using System.Text;
using KnowledgeBase.Core.Compare;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Cli.Commands;

/// <summary>
/// `kb compare --countries BJ,TG,GH --topics national-cirt,child-online-protection [--region …] [--type …]
/// [--years 2015-2024] [--documents ID,…] [--topic "free text"] [--topics-file F] [--format table|csv|md|json]`,
/// and `kb compare --list-topics`.
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var countries = Many("--countries", "ISO 3166 country codes, e.g. BJ,TG,GH: one row each");
        var region = Many("--region", "ITU-D region: Africa, Americas, Arab States, Asia-Pacific, CIS, Europe");
        var type = Many("--type", "Document type, e.g. national-strategy");
        var years = new Option<string?>("--years") { Description = "Year or range of the documents: 2020, 2015-2024, 2015..2024" };
        var documents = Many("--documents", "Document ids (or prefixes): one row each, instead of countries");
        var topics = Many("--topics", "Topic ids (see --list-topics)");
        var freeText = new Option<string[]>("--topic") { Description = "A topic of your own as free text, searched as written; may be repeated" };
        var topicsFile = new Option<FileInfo?>("--topics-file") { Description = "JSON file of topics in the built-in shape; --topics picks from it (all when not given)" };
        var format = new Option<string>("--format") { Description = "table, csv, md or json", DefaultValueFactory = _ => "table" };
        var passages = new Option<int>("--max-passages") { Description = "Passages per cell (json, md)", DefaultValueFactory = _ => CompareRequest.DefaultPassages };
        var list = new Option<bool>("--list-topics") { Description = "List the built-in topics and exit" };
        var command = new Command("compare", "Compare countries (or documents) topic by topic, with the evidence cited")
        {
            countries, region, type, years, documents, topics, freeText, topicsFile, format, passages, list,
        };
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            if (parse.GetValue(list))
            {
                CompareView.WriteTopics(BuiltinTopics.All);
                return 0;
            }
            var output = parse.GetValue(format) ?? "table";
            if (output is not ("table" or "csv" or "md" or "json"))
            {
                return CliErrors.Fail($"--format: \"{output}\" is not table, csv, md or json");
            }
            if (!TryParseYears(parse.GetValue(years), out var from, out var to))
            {
                return CliErrors.Fail($"--years: \"{parse.GetValue(years)}\" is not a year or a range like 2015-2024");
            }
            try
            {
                var request = new CompareRequest(
                    new CompareRows
                    {
                        Countries = Values(parse, countries),
                        Regions = parse.GetValue(region) ?? [],
                        Types = Values(parse, type),
                        YearFrom = from,
                        YearTo = to,
                        Documents = Values(parse, documents),
                    },
                    Topics(Values(parse, topics), parse.GetValue(freeText) ?? [], parse.GetValue(topicsFile)),
                    parse.GetValue(passages));
                using var index = KeywordIndex.OpenForReading(CliRoot.IndexPath(parse));
                var result = new CompareService(index).Compare(request);
                Write(result, output);
                return 0;
            }
            catch (CompareValidationException ex)
            {
                return CliErrors.Fail($"{Option(ex.Field)}: {ex.Detail}");
            }
        }));
        return command;
    }

    private static void Write(CompareResult result, string format)
    {
        switch (format)
        {
            case "csv":
                Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
                Console.Out.Write(CompareCsv.Write(result));
                break;
            case "md":
                Console.Out.Write(CompareMarkdown.Write(result));
                break;
            case "json":
                JsonOutput.Write(CompareReport.From(result));
                break;
            default:
                CompareView.Write(result);
                break;
        }
    }

    /// <summary>Built-in or file topics by id (all of the file when no id is given), then the free-text ones.</summary>
    private static List<CompareTopic> Topics(List<string> ids, string[] freeText, FileInfo? file)
    {
        var available = file is null ? BuiltinTopics.All : TopicFile.Load(file.FullName);
        var chosen = ids.Count > 0 ? BuiltinTopics.Resolve(ids, available) : file is not null ? available : [];
        var custom = freeText.Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => new CompareTopic(TopicFile.Slug(t), t.Trim(), new Dictionary<string, IReadOnlyList<string>> { [CompareTopic.AnyLanguage] = [t.Trim()] }));
        return [.. chosen, .. custom];
    }

    /// <summary>Core names request fields; here they are options.</summary>
    private static string Option(string field) => field switch
    {
        "rows.countries" => "--countries",
        "rows.region" => "--region",
        "rows.documents" => "--documents",
        "rows" => "--countries, --region, --type, --years or --documents",
        "topicsFile" => "--topics-file",
        "maxPassages" => "--max-passages",
        _ => "--topics",
    };

    private static bool TryParseYears(string? text, out int? from, out int? to) =>
        FilterValues.TryParseYears(text?.Contains('-', StringComparison.Ordinal) == true ? text.Replace("-", "..", StringComparison.Ordinal) : text, out from, out to);

    private static Option<string[]> Many(string name, string description) =>
        new(name) { Description = description, AllowMultipleArgumentsPerToken = true };

    private static List<string> Values(ParseResult parse, Option<string[]> option) => FilterValues.Split(parse.GetValue(option) ?? []);
}
