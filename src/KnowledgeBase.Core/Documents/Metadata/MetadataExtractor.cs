namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>
/// Reads what a document is from its file name, its extracted text and the title the parser found: ITU-T
/// Recommendations, ITU-D documents, ITU resolutions, NIST publications, other standards and national
/// strategies, policies and laws. Missing or contradictory metadata never fails: the field stays empty or the
/// more reliable source is kept, and a warning says which.
/// </summary>
public static class MetadataExtractor
{
    // Below this many non-space characters per page a PDF has no usable text layer (scans, unmapped fonts).
    private const int MinCharsPerPage = 40;

    /// <param name="fileName">The source file name; ITU and dataset names carry identifier, date and language.</param>
    /// <param name="text">The whole extracted text, pages separated by blank lines.</param>
    /// <param name="title">The title the parser found (PDF metadata, first line), if any.</param>
    /// <param name="pageCount">Pages in the source, used to tell a missing text layer from a short text.</param>
    public static MetadataResult Extract(string fileName, string text, string? title, int pageCount)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        text ??= "";
        var context = new ExtractionContext(fileName, text, title);
        if (text.Count(c => !char.IsWhiteSpace(c)) < MinCharsPerPage * Math.Max(1, pageCount))
        {
            context.Warn($"little or no text on {Math.Max(1, pageCount)} page(s): metadata from the file name only");
        }

        var metadata = ItuResolutionRules.TryExtract(context)
            ?? ItuTRecommendationRules.TryExtract(context)
            ?? ItuDevelopmentRules.TryExtract(context)
            ?? NistRules.TryExtract(context)
            ?? StandardRules.TryExtract(context)
            ?? NationalDocumentRules.TryExtract(context)
            ?? Unrecognised(context);

        metadata = metadata with
        {
            Language = metadata.Language ?? FileNameHints.Language(fileName),
            Title = metadata.Title ?? context.ParserTitle,
        };
        if (metadata.Year is null)
        {
            context.Warn("no date found");
        }
        if (metadata.Identifier is null && metadata.Type is not (MetadataVocabulary.NationalStrategy or MetadataVocabulary.NationalPolicy or MetadataVocabulary.NationalLaw))
        {
            context.Warn("no identifier found");
        }
        return new MetadataResult(metadata, context.Warnings);
    }

    private static DocumentMetadata Unrecognised(ExtractionContext context)
    {
        var year = FileNameHints.Year(context.FileName);
        return new DocumentMetadata
        {
            Type = MetadataVocabulary.Other,
            Year = year,
            ApprovalDate = year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
