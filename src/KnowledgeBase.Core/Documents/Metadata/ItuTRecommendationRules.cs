using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>
/// ITU-T Recommendations, with their amendments, corrigenda and supplements. The cover says "ITU-T | X.1056" and
/// "(01/2009)"; ITU file names say "T-REC-X.1056-200901-I!!PDF-E.pdf" (-I in force, -S superseded,
/// "!Cor1" for a corrigendum). Where cover and file name disagree the cover is kept and a warning says so.
/// </summary>
internal static partial class ItuTRecommendationRules
{
    public static DocumentMetadata? TryExtract(ExtractionContext context)
    {
        var cover = CoverPage(context.Cover);
        var file = ItuFileName().Match(context.FileName);
        var coverId = CoverIdentifier(cover);
        if (!file.Success && (coverId is null || !ItuHeading().IsMatch(context.Cover[..Math.Min(600, context.Cover.Length)])))
        {
            return null;
        }

        var fileId = file.Success ? NormaliseIdentifier(file.Groups["id"].Value) : null;
        var baseId = coverId ?? fileId!;
        if (coverId is not null && fileId is not null && !SameRecommendation(fileId, coverId))
        {
            context.Warn($"identifier in file name {fileId} differs from cover {coverId}: kept cover");
        }

        var (kind, number) = Modification(cover, file);
        var date = ApprovalDate(context, cover, file);
        var sections = ItuTCoverSections.Read(context.Text, date);
        var series = baseId[..1];
        return new DocumentMetadata
        {
            Type = MetadataVocabulary.ItuTRecommendation,
            Identifier = kind is null ? baseId : $"{baseId} {Abbreviation(kind)}.{number}",
            Series = series,
            Number = baseId.Split('/')[0][2..],
            ApprovalDate = date?.ToString(),
            Year = date?.Year,
            Edition = sections.Edition,
            Status = Status(file),
            ModificationKind = kind,
            ModificationNumber = number,
            BaseIdentifier = kind is null ? null : baseId,
            StudyGroup = sections.StudyGroup,
            StudyPeriod = sections.StudyPeriod,
            Title = sections.Title ?? TitleFromParser(context.ParserTitle),
            Summary = sections.Summary,
            Keywords = sections.Keywords,
        };
    }

    /// <summary>"X.1056", "X.20bis", "E.166/X.122" from "x.20 bis" and the like.</summary>
    internal static string NormaliseIdentifier(string raw)
    {
        var parts = raw.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return string.Join('/', parts.Select(part =>
            char.ToUpperInvariant(part[0]) + SpaceBeforeSuffix().Replace(part[1..], "$1").ToLowerInvariant()));
    }

    private static string? CoverIdentifier(string cover)
    {
        var m = CoverBox().Match(cover);
        if (!m.Success)
        {
            m = RecommendationLine().Match(cover);
        }
        return m.Success ? NormaliseIdentifier(m.Groups["id"].Value) : null;
    }

    // The cover ends where the series list starts ("ITU-T X-SERIES RECOMMENDATIONS"); what follows is a table of
    // every range in the series and would match as identifiers, corrigenda and dates.
    private static string CoverPage(string text)
    {
        var end = SeriesList().Match(text);
        return end.Success ? text[..end.Index] : text;
    }

    private static bool SameRecommendation(string fileId, string coverId) =>
        fileId == coverId || coverId.StartsWith(fileId + "/", StringComparison.Ordinal);

    private static (string? Kind, int? Number) Modification(string cover, Match file)
    {
        var m = ModificationWord().Match(cover);
        if (m.Success)
        {
            return (m.Groups["kind"].Value.ToLowerInvariant(), int.Parse(m.Groups["number"].Value));
        }
        if (file.Groups["mod"].Success)
        {
            var kind = char.ToUpperInvariant(file.Groups["mod"].Value[0]) switch
            {
                'C' => "corrigendum",
                'A' => "amendment",
                _ => "supplement",
            };
            return (kind, int.Parse(file.Groups["modnum"].Value));
        }
        return (null, null);
    }

    private static string Abbreviation(string kind) => kind switch
    {
        "corrigendum" => "Cor",
        "amendment" => "Amd",
        _ => "Suppl",
    };

    private static PartialDate? ApprovalDate(ExtractionContext context, string cover, Match file)
    {
        PartialDate? coverDate = CoverDate().Match(cover) is { Success: true } c
            ? new PartialDate(PartialDate.ExpandYear(int.Parse(c.Groups["year"].Value)), int.Parse(c.Groups["month"].Value))
            : null;
        PartialDate? fileDate = file.Success
            ? new PartialDate(int.Parse(file.Groups["ym"].Value[..4]), int.Parse(file.Groups["ym"].Value[4..]))
            : null;
        if (coverDate is not null && fileDate is not null && coverDate.ToString() != fileDate.ToString())
        {
            context.Warn($"date in file name {fileDate} differs from cover {coverDate}: kept cover");
        }
        return coverDate ?? fileDate;
    }

    private static string? Status(Match file) => file.Groups["status"].Value.ToUpperInvariant() switch
    {
        "I" => MetadataVocabulary.InForce,
        "S" => MetadataVocabulary.Superseded,
        _ => null,
    };

    // PDF titles read "ITU-T Rec. X.1056 (01/2009) Security incident management ...": keep what follows the date.
    private static string? TitleFromParser(string? title) =>
        title is null ? null : TextBlocks.OneLine(ParserTitlePrefix().Replace(title, ""));

    // "T-REC-X.1056-200901-I!!PDF-E.pdf", "T-REC-X.1051-201709-S!Cor1!PDF-E.pdf", "itu-t_X.25-199809-Cor1.pdf".
    [GeneratedRegex(@"(?:T-REC-|itu-t_)(?<id>[A-Z]\.\d+(?:\.\d+)*(?:bis|ter)?)-(?<ym>(?:19|20)\d{2}(?:0[1-9]|1[0-2]))(?:-(?<status>[IS])\b)?(?:[-!]+(?<mod>Cor|Amd|Sup)[a-z]*\.?(?<modnum>\d+))?", RegexOptions.IgnoreCase)]
    private static partial Regex ItuFileName();

    // The cover box: "ITU-T | X.1056" or "ITU-T E.166/X.122" alone on its line.
    [GeneratedRegex(@"^ITU-T\s*\|?\s*(?<id>[A-Z]\.\d+(?:\.\d+)*(?:\s?(?:bis|ter))?(?:/[A-Z]\.\d+(?:\.\d+)*)?)\s*$", RegexOptions.Multiline)]
    private static partial Regex CoverBox();

    // "Recommendation ITU-T X.1056", "ITU-T RECOMMENDATION E.166/X.122", "Recommendation X.20 bis".
    [GeneratedRegex(@"(?:Recommendation\s+ITU-T|ITU-T\s+Recommendation|Recommendation)\s+(?<id>[A-Z]\.\d+(?:\.\d+)*(?:\s?(?:bis|ter)\b)?(?:/[A-Z]\.\d+(?:\.\d+)*)?)", RegexOptions.IgnoreCase)]
    private static partial Regex RecommendationLine();

    // Only an ITU cover makes "Recommendation X.800" an identifier: NIST and IETF texts cite ITU-T Recommendations.
    [GeneratedRegex(@"TELECOMMUNICATION\s+STANDARDIZATION\s+SECTOR|International\s+Telecommunication\s+Union|I n t e r n a t i o n a l", RegexOptions.IgnoreCase)]
    private static partial Regex ItuHeading();

    [GeneratedRegex(@"^ITU-T\s+[A-Z]-SERIES\s+RECOMMENDATIONS", RegexOptions.Multiline)]
    private static partial Regex SeriesList();

    // "Corrigendum 1", "Technical Corrigendum 1", "Amendment 2", "Supplement 8" on the cover.
    [GeneratedRegex(@"\b(?<kind>Corrigendum|Amendment|Supplement)\s+(?<number>\d{1,3})\b", RegexOptions.IgnoreCase)]
    private static partial Regex ModificationWord();

    // "(01/2009)" or the older "(03/98)".
    [GeneratedRegex(@"\((?<month>0[1-9]|1[0-2])/(?<year>\d{4}|\d{2})\)")]
    private static partial Regex CoverDate();

    [GeneratedRegex(@"^ITU-T\s+Rec\.\s+\S+(?:\s+(?:bis|ter))?(?:\s+(?:Cor|Amd|Suppl?)\.?\s*\d+)?\s*\(\d{2}/\d{2,4}\)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ParserTitlePrefix();

    [GeneratedRegex(@"\s+(bis|ter)$", RegexOptions.IgnoreCase)]
    private static partial Regex SpaceBeforeSuffix();
}
