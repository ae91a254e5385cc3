using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Pipeline;
using Spectre.Console;

namespace KnowledgeBase.Cli.Commands;

/// <summary>How ingestion looks on a terminal: a progress bar while it runs, then the summary tables.</summary>
internal static class IngestionView
{
    public static async Task<IngestionSummary> RunWithProgressAsync(
        IngestionRunner runner, KeywordIndex index, IReadOnlyList<SourceFile> files, CancellationToken cancellationToken)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            // Logs and CI get one line per file instead of redrawn bars.
            var lines = new SynchronousProgress<IngestionOutcome>(o =>
                Console.WriteLine($"{o.Status.ToString().ToLowerInvariant(),-9} {o.File.Source}{(o.Reason is null ? "" : $" ({o.Reason})")}"));
            var pageLines = new SynchronousProgress<PageProgress>(p =>
                Console.WriteLine($"ocr       {p.File.Source} page {p.PagesDone} of {p.PagesTotal}"));
            return await runner.RunAsync(index, files, lines, pageLines, cancellationToken);
        }
        IngestionSummary? summary = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Ingesting {files.Count} files", maxValue: files.Count);
                var progress = new SynchronousProgress<IngestionOutcome>(o =>
                {
                    task.Description = Markup.Escape(Path.GetFileName(o.File.Source));
                    task.Increment(1);
                });
                // Scanned pages are read one by one and take seconds each: a bar of their own shows that work moving.
                ProgressTask? ocr = null;
                var pages = new SynchronousProgress<PageProgress>(p =>
                {
                    ocr ??= context.AddTask("OCR", maxValue: 1);
                    ocr.Description = Markup.Escape($"OCR {Path.GetFileName(p.File.Source)} {p.PagesDone}/{p.PagesTotal}");
                    ocr.MaxValue = p.PagesTotal;
                    ocr.Value = p.PagesDone;
                });
                summary = await runner.RunAsync(index, files, progress, pages, cancellationToken);
                task.Description = "Done";
            });
        return summary!;
    }

    public static void WriteSummary(IngestionSummary summary, string indexPath)
    {
        var table = new Table().Title("Ingestion summary").AddColumns("Documents", "Pages", "Chunks", "Unchanged", "Duplicates", "Failed", "Time", "Pages/s");
        table.AddRow(
            summary.Ingested.ToString(),
            summary.Pages.ToString(),
            summary.Chunks.ToString(),
            summary.Outcomes.Count(o => o.Status == IngestionStatus.Unchanged).ToString(),
            summary.Outcomes.Count(o => o.Status == IngestionStatus.Duplicate).ToString(),
            summary.Failed.ToString(),
            $"{summary.Elapsed.TotalSeconds:0.0} s",
            $"{summary.PagesPerSecond:0}");
        AnsiConsole.Write(table);

        var skipped = summary.Outcomes.Where(o => o.Status is IngestionStatus.Failed or IngestionStatus.Duplicate).ToList();
        if (skipped.Count > 0)
        {
            var reasons = new Table().Title("Skipped").AddColumns("File", "Reason");
            foreach (var outcome in skipped)
            {
                reasons.AddRow(Markup.Escape(outcome.File.Source), Markup.Escape(outcome.Reason ?? ""));
            }
            AnsiConsole.Write(reasons);
        }
        var warned = summary.Outcomes.Where(o => o.Warnings is { Count: > 0 } && !o.IsSkipped).ToList();
        if (warned.Count > 0)
        {
            var warnings = new Table().Title("Warnings").AddColumns("File", "Warning");
            foreach (var outcome in warned)
            {
                warnings.AddRow(Markup.Escape(Path.GetFileName(outcome.File.Source)), Markup.Escape(string.Join("; ", outcome.Warnings!)));
            }
            AnsiConsole.Write(warnings);
        }
        AnsiConsole.MarkupLine($"Index: [grey]{Markup.Escape(indexPath)}[/]");
    }
}
