using System.Collections.Concurrent;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Documents.Languages;
using KnowledgeBase.Core.Ingestion.Ocr;
using KnowledgeBase.Core.Ingestion.Parsing;
using KnowledgeBase.Core.Ingestion.Parsing.Pdf;

namespace KnowledgeBase.Core.Ingestion.Pipeline.Steps;

/// <summary>
/// Reads the image-only pages of a PDF (scans, and pages whose text layer the parser found to be garbage) with OCR,
/// so they are cleaned, cut into clauses and chunked like any other page. Pages with good text are never touched.
/// Without an engine, with OCR off, or past the page limit, pages stay image-only and a warning says why.
/// </summary>
internal sealed class OcrStep(OcrEngine engine, LanguageDetector languages) : IIngestionStep
{
    // Below this much text on the other pages, their language is not trusted to choose the OCR model.
    private const int MinCharsForLanguage = 200;

    public string Name => "ocr";

    public bool IsExclusive => false;

    public async ValueTask ExecuteAsync(IngestionContext context, CancellationToken cancellationToken)
    {
        var extracted = context.Extracted!;
        var scanned = extracted.Pages.Where(p => p.IsImageOnly).Select(p => p.Number).ToList();
        if (scanned.Count == 0 || extracted.MediaType != MediaTypes.Pdf)
        {
            return;
        }
        var availability = await engine.GetAvailabilityAsync();
        if (!availability.IsAvailable)
        {
            context.Extracted = extracted with { Warnings = [.. extracted.Warnings, $"not OCR'd: {availability.Description}"] };
            return;
        }
        var warnings = new List<string>();
        var limit = engine.Options.MaxPagesPerDocument;
        if (scanned.Count > limit)
        {
            warnings.Add($"OCR reads at most {limit} pages of a document (KB__Ocr__MaxPagesPerDocument); pages {PdfPageWriter.DescribeRanges(scanned[limit..])} stay image-only");
            scanned = scanned[..limit];
        }
        var read = new ConcurrentDictionary<int, OcrPage>();
        var done = 0;
        context.PageProgress?.Report(new PageProgress(context.File, 0, scanned.Count));
        var modelLanguages = await ChooseLanguagesAsync(context, extracted, scanned[0], availability.Languages, read, warnings, cancellationToken);
        if (!read.IsEmpty)
        {
            context.PageProgress?.Report(new PageProgress(context.File, done = 1, scanned.Count));
        }
        var options = new ParallelOptions { MaxDegreeOfParallelism = engine.Options.EffectiveWorkers, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(scanned.Where(n => !read.ContainsKey(n)), options, async (number, token) =>
        {
            var page = await ReadOrWarnAsync(context.File.Path, number, modelLanguages, warnings, token);
            if (page is not null)
            {
                read[number] = page;
            }
            context.PageProgress?.Report(new PageProgress(context.File, Interlocked.Increment(ref done), scanned.Count));
        });
        var confidence = read.Values.Where(p => !p.IsEmpty).Select(p => p.Confidence).DefaultIfEmpty().Average();
        warnings.Add($"{read.Values.Count(p => !p.IsEmpty)} page(s) read by OCR ({modelLanguages}, mean confidence {confidence:0}%)");
        context.Extracted = OcrTextMerger.Merge(extracted, read, warnings);
    }

    /// <summary>
    /// The document's language from its text pages, else the script OSD sees on the first scanned page. A Latin
    /// page read in English is checked once more: French or Spanish text is read again with its own model, for the
    /// accents.
    /// </summary>
    private async Task<string> ChooseLanguagesAsync(
        IngestionContext context, ExtractedDocument extracted, int firstPage, IReadOnlySet<string> installed,
        ConcurrentDictionary<int, OcrPage> read, List<string> warnings, CancellationToken cancellationToken)
    {
        if (extracted.Text.Count(char.IsLetter) >= MinCharsForLanguage
            && OcrLanguages.ForLanguage(languages.DetectDominant(LanguageDetector.Sample(extracted.Text)), installed) is { } fromText)
        {
            return fromText;
        }
        try
        {
            var image = await engine.RenderAsync(context.File.Path, firstPage, cancellationToken);
            var script = await engine.DetectScriptAsync(image, cancellationToken);
            var chosen = OcrLanguages.ForScript(script, installed);
            var page = await engine.RecognizeAsync(firstPage, image, chosen, cancellationToken);
            if (chosen == "eng" && OcrLanguages.ForLanguage(languages.Detect(string.Join(" ", page.Lines.Select(l => l.Text))), installed) is { } refined
                && refined != chosen)
            {
                chosen = refined;
                page = await engine.RecognizeAsync(firstPage, image, chosen, cancellationToken);
            }
            read[firstPage] = page;
            return chosen;
        }
        catch (OcrFailedException ex)
        {
            lock (warnings)
            {
                warnings.Add($"OCR of page {firstPage}: {ex.Message}");
            }
            return OcrLanguages.ForScript(null, installed);
        }
    }

    private async Task<OcrPage?> ReadOrWarnAsync(string path, int number, string modelLanguages, List<string> warnings, CancellationToken cancellationToken)
    {
        try
        {
            return await engine.ReadPageAsync(path, number, modelLanguages, cancellationToken);
        }
        catch (OcrFailedException ex)
        {
            lock (warnings)
            {
                warnings.Add($"OCR of page {number}: {ex.Message}");
            }
            return null;
        }
    }
}
