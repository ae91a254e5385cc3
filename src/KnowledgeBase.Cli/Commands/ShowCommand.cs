using System.CommandLine;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using Spectre.Console;

namespace KnowledgeBase.Cli.Commands;

/// <summary>`kb show ID`: a document's metadata, and with --text its extracted text page by page.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Document id (or a unique prefix of at least 6 characters)" };
        var text = new Option<bool>("--text") { Description = "Also print the extracted text, page by page" };
        var command = new Command("show", "Show one document") { id, text, CliRoot.Json };
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            using var index = KeywordIndex.OpenForReading(CliRoot.IndexPath(parse));
            var record = index.GetDocument(parse.GetValue(id)!);
            if (record is null)
            {
                return CliErrors.Fail($"no document with id {parse.GetValue(id)}");
            }
            var extracted = parse.GetValue(text) ? index.GetExtracted(record.Id) : null;
            var editions = index.Editions();
            if (parse.GetValue(CliRoot.Json))
            {
                JsonOutput.Write(new
                {
                    document = record,
                    status = editions.StatusOf(record.Id),
                    editions = editions.ChainOf(record.Id),
                    pages = extracted?.Pages.Select(p => new { p.Number, p.IsImageOnly, p.OcrConfidence, Text = extracted.Text[p.Start..p.End] }),
                });
                return 0;
            }
            var grid = new Grid().AddColumn().AddColumn();
            void Row(string name, object? value) => grid.AddRow($"[bold]{name}[/]", Markup.Escape(value?.ToString() ?? ""));
            Row("Id", record.Id);
            Row("Title", record.Title);
            Row("Identifiers", string.Join(", ", record.Identifiers));
            Row("Source", record.Source);
            Row("Media type", record.MediaType);
            Row("Pages", record.PageCount);
            Row("Chunks", record.ChunkCount);
            Row("Image-only pages", string.Join(", ", record.ImageOnlyPages));
            Row("Size", $"{record.SizeBytes:N0} bytes");
            Row("SHA-256", record.ContentHash);
            Row("Ingested", record.IngestedAt.ToString("u"));
            Row("Language", record.Language);
            Row("Status", editions.StatusOf(record.Id));
            Row("Warnings", string.Join("; ", record.Warnings));
            AnsiConsole.Write(new Panel(grid).Header(Markup.Escape(record.Title)));
            MetadataView.Write(record.Metadata, editions.ChainOf(record.Id), record.Id);
            foreach (var page in extracted?.Pages ?? [])
            {
                AnsiConsole.Write(new Rule($"page {page.Number}{(page.IsImageOnly ? " (image only)" : page.IsOcr ? $" (text from OCR, confidence {page.OcrConfidence:0}%)" : "")}"));
                Console.WriteLine(extracted!.Text[page.Start..page.End]);
            }
            return 0;
        }));
        return command;
    }
}
