namespace KnowledgeBase.Core.Ingestion.Ocr;

/// <summary>
/// The "Ocr" section (KB__Ocr__…): whether pages without a usable text layer are read with Tesseract, and the limits
/// that keep that cost under control.
/// </summary>
public sealed class OcrOptions
{
    public const string SectionName = "Ocr";

    /// <summary>Read image-only and garbage-text pages with OCR. Off: they are recorded as image-only, as before.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Pages of one document that are OCR'd at most; the rest stay image-only and a warning says so.</summary>
    public int MaxPagesPerDocument { get; set; } = 200;

    /// <summary>
    /// OCR processes running at once, over all documents; 0 means all cores but one (at least one). Each Tesseract runs
    /// on one thread, so pages/s grows with workers (tools/bench-ocr.sh speed, 2 cores: 0.086 pages/s with 2 workers,
    /// 0.030 with 1, plain tesseract one page at a time 0.073); the core kept back is for parsing and searches.
    /// </summary>
    public int Workers { get; set; }

    /// <summary>
    /// Longest side of the rendered page in pixels: about 300 dpi for A4 and Letter, and a bound for scans declared at
    /// odd sizes (GB/T 22239-2008 declares its pages 33 inches tall).
    /// </summary>
    public int RenderPixels { get; set; } = 3300;

    /// <summary>Seconds one page may take (render and recognise) before it is given up with a warning.</summary>
    public int PageTimeoutSeconds { get; set; } = 180;

    /// <summary>The Tesseract 5 executable (Debian: tesseract-ocr).</summary>
    public string TesseractPath { get; set; } = "tesseract";

    /// <summary>Poppler's page renderer (Debian: poppler-utils).</summary>
    public string PdftoppmPath { get; set; } = "pdftoppm";

    public int EffectiveWorkers => Workers > 0 ? Workers : Math.Max(1, Environment.ProcessorCount - 1);
}
