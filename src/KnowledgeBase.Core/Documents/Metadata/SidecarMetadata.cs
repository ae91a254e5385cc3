using System.Text.Json;

namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>
/// Metadata a person writes beside a document, "report.meta.json" for "report.pdf", in the JSON form of
/// <see cref="DocumentMetadata"/> (camelCase names). Its values override what the extractor found.
/// </summary>
public static class SidecarMetadata
{
    private const string Suffix = ".meta.json";

    internal static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>"/docs/report.pdf" → "/docs/report.meta.json".</summary>
    public static string PathFor(string documentPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentPath);
        var folder = Path.GetDirectoryName(documentPath) ?? "";
        return Path.Combine(folder, Path.GetFileNameWithoutExtension(documentPath) + Suffix);
    }

    /// <summary>
    /// The sidecar of <paramref name="documentPath"/>, or null when there is none. Throws
    /// <see cref="SidecarMetadataException"/> naming file and field when it is not valid JSON, has an unknown field,
    /// a value of the wrong type or a value out of range.
    /// </summary>
    public static DocumentMetadata? Load(string documentPath)
    {
        var path = PathFor(documentPath);
        if (!File.Exists(path))
        {
            return null;
        }
        var name = Path.GetFileName(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new SidecarMetadataException(name, null, $"not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
        using (document)
        {
            return SidecarValidator.Read(name, document.RootElement);
        }
    }

    /// <summary>The extracted metadata with every field the sidecar sets replaced by the sidecar's value.</summary>
    public static DocumentMetadata Merge(DocumentMetadata extracted, DocumentMetadata sidecar)
    {
        ArgumentNullException.ThrowIfNull(extracted);
        ArgumentNullException.ThrowIfNull(sidecar);
        // A sidecar that moves the document to another country without naming it must not keep the old name and region.
        var country = sidecar.CountryCode is { } code && code != extracted.CountryCode ? Countries.ByCode(code) : null;
        return new DocumentMetadata
        {
            Type = sidecar.Type ?? extracted.Type,
            Identifier = sidecar.Identifier ?? extracted.Identifier,
            Series = sidecar.Series ?? extracted.Series,
            Number = sidecar.Number ?? extracted.Number,
            ApprovalDate = sidecar.ApprovalDate ?? extracted.ApprovalDate,
            Year = sidecar.Year ?? extracted.Year,
            Edition = sidecar.Edition ?? extracted.Edition,
            Status = sidecar.Status ?? extracted.Status,
            ModificationKind = sidecar.ModificationKind ?? extracted.ModificationKind,
            ModificationNumber = sidecar.ModificationNumber ?? extracted.ModificationNumber,
            BaseIdentifier = sidecar.BaseIdentifier ?? extracted.BaseIdentifier,
            StudyGroup = sidecar.StudyGroup ?? extracted.StudyGroup,
            Question = sidecar.Question ?? extracted.Question,
            StudyPeriod = sidecar.StudyPeriod ?? extracted.StudyPeriod,
            DocumentSymbol = sidecar.DocumentSymbol ?? extracted.DocumentSymbol,
            Body = sidecar.Body ?? extracted.Body,
            ResolutionNumber = sidecar.ResolutionNumber ?? extracted.ResolutionNumber,
            RevisionPlace = sidecar.RevisionPlace ?? extracted.RevisionPlace,
            RevisionYear = sidecar.RevisionYear ?? extracted.RevisionYear,
            CountryCode = sidecar.CountryCode ?? extracted.CountryCode,
            CountryName = sidecar.CountryName ?? country?.Name ?? extracted.CountryName,
            Region = sidecar.Region ?? country?.Region ?? extracted.Region,
            Language = sidecar.Language ?? extracted.Language,
            Title = sidecar.Title ?? extracted.Title,
            Summary = sidecar.Summary ?? extracted.Summary,
            Keywords = sidecar.Keywords ?? extracted.Keywords,
        };
    }
}
