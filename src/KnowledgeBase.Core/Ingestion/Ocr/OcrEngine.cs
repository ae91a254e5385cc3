using System.ComponentModel;
using System.Diagnostics;
using CliWrap;
using CliWrap.Buffered;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeBase.Core.Ingestion.Ocr;

/// <summary>
/// Drives poppler's pdftoppm (one page to PNG) and Tesseract 5 (PNG to TSV with word confidences) as processes, each
/// with the caller's cancellation and a per-page timeout that kills it. At most <see cref="OcrOptions.Workers"/>
/// pages are read at once over the whole process, each Tesseract on one thread (OMP_THREAD_LIMIT=1, as OCRmyPDF
/// does), so OCR has a bounded share of the cores.
/// </summary>
public sealed class OcrEngine(OcrOptions options, ILogger<OcrEngine>? logger = null) : IDisposable
{
    private readonly SemaphoreSlim _workers = new(options.EffectiveWorkers, options.EffectiveWorkers);
    private readonly Lazy<Task<OcrAvailability>> _availability = new(() => ProbeAsync(options));
    private readonly ILogger _logger = logger ?? NullLogger<OcrEngine>.Instance;

    public OcrOptions Options => options;

    /// <summary>Probes the engines once: both must start, and Tesseract lists its installed languages.</summary>
    public Task<OcrAvailability> GetAvailabilityAsync() => options.Enabled ? _availability.Value : Task.FromResult(OcrAvailability.Disabled);

    /// <summary>
    /// Renders page <paramref name="pageNumber"/> of the PDF at <paramref name="pdfPath"/> and reads it in
    /// <paramref name="languages"/> ("eng", "chi_sim+eng"). Throws <see cref="TimeoutException"/> past the page timeout.
    /// </summary>
    public async Task<OcrPage> ReadPageAsync(string pdfPath, int pageNumber, string languages, CancellationToken cancellationToken)
    {
        var image = await RenderAsync(pdfPath, pageNumber, cancellationToken);
        return await RecognizeAsync(pageNumber, image, languages, cancellationToken);
    }

    /// <summary>The page as a grayscale PNG, its longest side <see cref="OcrOptions.RenderPixels"/>.</summary>
    public Task<byte[]> RenderAsync(string pdfPath, int pageNumber, CancellationToken cancellationToken) =>
        RunLimitedAsync(async token =>
        {
            using var png = new MemoryStream();
            var page = pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var result = await Cli.Wrap(options.PdftoppmPath)
                .WithResourcePolicy(BelowSearches)
                .WithArguments(["-f", page, "-l", page, "-singlefile", "-png", "-gray", "-scale-to", options.RenderPixels.ToString(System.Globalization.CultureInfo.InvariantCulture), pdfPath])
                .WithStandardOutputPipe(PipeTarget.ToStream(png))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(token);
            if (result.ExitCode != 0 || png.Length == 0)
            {
                throw new OcrFailedException($"pdftoppm could not render page {pageNumber} (exit {result.ExitCode}: {FirstLine(result.StandardError)})");
            }
            return png.ToArray();
        }, $"rendering page {pageNumber}", cancellationToken);

    /// <summary>Tesseract's orientation-and-script detection: "Latin", "Han", "Arabic", "Cyrillic", or null if unsure.</summary>
    public Task<string?> DetectScriptAsync(byte[] png, CancellationToken cancellationToken) =>
        RunLimitedAsync(async token =>
        {
            var result = await Tesseract(png, ["--psm", "0", "-l", "osd"]).ExecuteBufferedAsync(token);
            var line = result.StandardOutput.Split('\n').FirstOrDefault(l => l.StartsWith("Script:", StringComparison.Ordinal));
            return line?["Script:".Length..].Trim();
        }, "detecting the script", cancellationToken);

    public Task<OcrPage> RecognizeAsync(int pageNumber, byte[] png, string languages, CancellationToken cancellationToken) =>
        RunLimitedAsync(async token =>
        {
            var result = await Tesseract(png, ["-l", languages, "--psm", "3", "--dpi", "300", "tsv"]).ExecuteBufferedAsync(token);
            if (result.ExitCode != 0)
            {
                throw new OcrFailedException($"tesseract failed on page {pageNumber} (exit {result.ExitCode}: {FirstLine(result.StandardError)})");
            }
            return TesseractTsv.Parse(pageNumber, result.StandardOutput);
        }, $"reading page {pageNumber}", cancellationToken);

    // A service that ingests scans while it serves: its searches come first. OCR runs as processes of their own, so
    // their priority can be lowered (nice 10 on Linux) without touching the service's threads; .NET ignores
    // Thread.Priority on Linux (dotnet/runtime#91165), and a nice raised on a thread cannot be lowered again
    // without privilege and passes to every thread that thread starts, thread-pool workers included.
    private static readonly ResourcePolicy BelowSearches = new(priority: ProcessPriorityClass.BelowNormal);

    private Command Tesseract(byte[] png, string[] arguments) =>
        Cli.Wrap(options.TesseractPath)
            .WithResourcePolicy(BelowSearches)
            .WithArguments(["stdin", "stdout", .. arguments])
            .WithEnvironmentVariables(env => env.Set("OMP_THREAD_LIMIT", "1"))
            .WithStandardInputPipe(PipeSource.FromBytes(png))
            .WithValidation(CommandResultValidation.None);

    private async Task<T> RunLimitedAsync<T>(Func<CancellationToken, Task<T>> run, string what, CancellationToken cancellationToken)
    {
        await _workers.WaitAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.PageTimeoutSeconds));
        try
        {
            return await run(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OcrFailedException($"{what} took longer than {options.PageTimeoutSeconds} s (KB__Ocr__PageTimeoutSeconds)");
        }
        catch (Win32Exception ex)
        {
            _logger.LogWarning(ex, "OCR engine could not be started while {What}", what);
            throw new OcrFailedException($"OCR engine could not be started ({ex.Message})", ex);
        }
        finally
        {
            _workers.Release();
        }
    }

    private static async Task<OcrAvailability> ProbeAsync(OcrOptions options)
    {
        try
        {
            var tesseract = await Cli.Wrap(options.TesseractPath).WithArguments("--list-langs")
                .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
            var languages = tesseract.StandardOutput.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(l => !l.Contains(' ', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
            if (tesseract.ExitCode != 0 || !languages.Contains("eng"))
            {
                return new OcrAvailability(false, $"{options.TesseractPath} has no English language data (install tesseract-ocr-eng)", languages);
            }
            await Cli.Wrap(options.PdftoppmPath).WithArguments("-v").WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
            return new OcrAvailability(true, $"tesseract and pdftoppm ready; languages {string.Join(" ", languages.Order())}", languages);
        }
        catch (Win32Exception ex)
        {
            return new OcrAvailability(false,
                $"OCR engine not found ({ex.Message}); install tesseract-ocr and poppler-utils — image-only pages stay unread", new HashSet<string>());
        }
    }

    public void Dispose() => _workers.Dispose();

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
}
