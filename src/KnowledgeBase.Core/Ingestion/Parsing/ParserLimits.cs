using System.Globalization;

namespace KnowledgeBase.Core.Ingestion.Parsing;

/// <summary>
/// How much any parser may inflate or read from one file. A file past a limit fails with the limit as its reason,
/// before its content is held in memory, so one hostile or absurd file (a .docx whose XML inflates to a gigabyte)
/// cannot take the memory the service needs. The limits sit far above the largest real document in the corpus
/// (about 600 pages, 2 million characters).
/// </summary>
internal static class ParserLimits
{
    /// <summary>Largest part of a .docx once inflated: a 5,000-page document.xml is about 40 MiB.</summary>
    public const long MaxEntryBytes = 64L * 1024 * 1024;

    /// <summary>All parts of a .docx together, once inflated.</summary>
    public const long MaxInflatedBytes = 256L * 1024 * 1024;

    /// <summary>Largest text, Markdown or HTML file: its DOM or decoded text takes several times its size.</summary>
    public const long MaxMarkupBytes = 32L * 1024 * 1024;

    /// <summary>Characters of extracted text in one document, roughly 5,000 dense pages.</summary>
    public const int MaxCharacters = 20_000_000;

    public const int MaxPages = 10_000;

    /// <summary>Table cells in one document.</summary>
    public const int MaxTableCells = 1_000_000;

    public static string Describe(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024 * 1024)).ToString("N0", CultureInfo.InvariantCulture) + " MiB"
        : bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Rejects text, Markdown and HTML files too large to read safely.</summary>
    public static void CheckMarkupSize(int length, string kind)
    {
        if (length > MaxMarkupBytes)
        {
            throw new DocumentRejectedException($"{kind} file too large: {Describe(length)}, more than the {Describe(MaxMarkupBytes)} a file of this type may have");
        }
    }
}
