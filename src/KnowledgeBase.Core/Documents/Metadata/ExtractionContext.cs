namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>One document being read by the metadata rules, and the warnings they raise about it.</summary>
internal sealed class ExtractionContext(string fileName, string text, string? title)
{
    // Covers, title pages and approval notes sit in the first few thousand characters; later text is body and
    // would only add false matches (NIST IR 8200 cites dozens of ITU-T Recommendations).
    private const int CoverLength = 3000;

    private readonly List<string> _warnings = [];

    public string FileName { get; } = Path.GetFileName(fileName);

    public string Text { get; } = text;

    /// <summary>The title the parser found (PDF metadata, first line), if any.</summary>
    public string? ParserTitle { get; } = string.IsNullOrWhiteSpace(title) ? null : title.Trim();

    public string Cover => Text.Length <= CoverLength ? Text : Text[..CoverLength];

    public IReadOnlyList<string> Warnings => _warnings;

    public void Warn(string warning)
    {
        if (!_warnings.Contains(warning))
        {
            _warnings.Add(warning);
        }
    }

    /// <summary>Compares the file name's year with the one the text gave, warning when they differ.</summary>
    public void CheckFileNameYear(int? textYear)
    {
        if (FileNameHints.Year(FileName) is { } fileYear && textYear is { } year && fileYear != year)
        {
            Warn($"year in file name {fileYear} differs from text {year}: kept text");
        }
    }
}
