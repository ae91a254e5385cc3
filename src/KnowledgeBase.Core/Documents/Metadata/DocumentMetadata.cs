namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>
/// What a document is: found by <see cref="MetadataExtractor"/> at ingestion and overridable by a sidecar
/// <c>NAME.meta.json</c> (<see cref="SidecarMetadata"/>). Every field is optional: a field that could not be
/// determined stays null and the extractor says why in a warning. Serialises with <c>JsonSerializerDefaults.Web</c>.
/// </summary>
public sealed record DocumentMetadata
{
    /// <summary>One of <see cref="MetadataVocabulary.Types"/>, such as "itu-t-recommendation" or "national-strategy".</summary>
    public string? Type { get; init; }

    /// <summary>Normalised identifier: "X.1056", "E.166/X.122", "X.1051 Cor.1", "SP 800-61r2", "WTDC Resolution 45".</summary>
    public string? Identifier { get; init; }

    /// <summary>ITU-T series letter ("X", "E").</summary>
    public string? Series { get; init; }

    /// <summary>Number within the series ("1056", "1080.1", "20bis").</summary>
    public string? Number { get; init; }

    /// <summary>"2009-01" when the month is known, else "2009".</summary>
    public string? ApprovalDate { get; init; }

    public int? Year { get; init; }

    /// <summary>Edition as printed in an ITU-T history table ("2.0") or a version ("1.1").</summary>
    public string? Edition { get; init; }

    /// <summary>"in-force" or "superseded", only where the source states it.</summary>
    public string? Status { get; init; }

    /// <summary>"amendment", "corrigendum" or "supplement".</summary>
    public string? ModificationKind { get; init; }

    public int? ModificationNumber { get; init; }

    /// <summary>The Recommendation an amendment, corrigendum or supplement modifies ("X.1051").</summary>
    public string? BaseIdentifier { get; init; }

    public string? StudyGroup { get; init; }

    /// <summary>ITU Question as "3/2" (Question 3 of Study Group 2).</summary>
    public string? Question { get; init; }

    /// <summary>Study period as "2022-2025".</summary>
    public string? StudyPeriod { get; init; }

    /// <summary>ITU-D document symbol such as "SG2RGQ/123".</summary>
    public string? DocumentSymbol { get; init; }

    /// <summary>Body that adopted a resolution: "WTDC", "WTSA" or "PP".</summary>
    public string? Body { get; init; }

    public int? ResolutionNumber { get; init; }

    /// <summary>Place of the latest revision of a resolution ("Kigali").</summary>
    public string? RevisionPlace { get; init; }

    public int? RevisionYear { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public string? CountryCode { get; init; }

    /// <summary>English short name of the country.</summary>
    public string? CountryName { get; init; }

    /// <summary>ITU-D region: "Africa", "Americas", "Arab States", "Asia-Pacific", "CIS" or "Europe".</summary>
    public string? Region { get; init; }

    /// <summary>ISO 639-1 code declared by the file name or the document; the language detector fills it otherwise.</summary>
    public string? Language { get; init; }

    public string? Title { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<string>? Keywords { get; init; }
}
