using System.Globalization;
using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>
/// Other standards: Saudi NCA control sets ("ECC – 2: 2024" → "ECC-2:2024"), Chinese national standards
/// ("GB/T 22240—2008", dated "2008-06-19 发布") and IETF RFCs ("Request for Comments: 4949"). A scanned GB standard
/// without a text layer is still named from its file name ("cn_gb-t_22239-2008.pdf"), with a warning.
/// </summary>
internal static partial class StandardRules
{
    public static DocumentMetadata? TryExtract(ExtractionContext context) =>
        Nca(context) ?? ChineseStandard(context) ?? Rfc(context);

    private static DocumentMetadata? Nca(ExtractionContext context)
    {
        var m = NcaControls().Match(context.Cover);
        if (!m.Success)
        {
            return null;
        }
        var year = int.Parse(m.Groups["year"].Value);
        context.CheckFileNameYear(year);
        return WithCountry(new DocumentMetadata
        {
            Type = MetadataVocabulary.Standard,
            Identifier = $"{m.Groups["name"].Value.ToUpperInvariant()}-{m.Groups["edition"].Value}:{year}",
            Edition = m.Groups["edition"].Value,
            ApprovalDate = year.ToString(CultureInfo.InvariantCulture),
            Year = year,
            Title = context.ParserTitle,
        }, "SA");
    }

    private static DocumentMetadata? ChineseStandard(ExtractionContext context)
    {
        var m = GbStandard().Match(context.Cover);
        var fromFileName = !m.Success;
        if (fromFileName)
        {
            m = GbFileName().Match(context.FileName);
            if (!m.Success)
            {
                return null;
            }
            context.Warn("identifier from the file name only: no readable standard number in the text");
        }
        var kind = m.Groups["kind"].Success ? $"GB/{m.Groups["kind"].Value.ToUpperInvariant()}" : "GB";
        var year = int.Parse(m.Groups["year"].Value);
        var issued = fromFileName ? null : IssueDate().Match(context.Cover);
        var date = issued is { Success: true }
            ? new PartialDate(int.Parse(issued.Groups["year"].Value), int.Parse(issued.Groups["month"].Value))
            : new PartialDate(year, null);
        return WithCountry(new DocumentMetadata
        {
            Type = MetadataVocabulary.Standard,
            Identifier = $"{kind} {m.Groups["number"].Value}-{year}",
            ApprovalDate = date.ToString(),
            Year = date.Year,
            Title = context.ParserTitle is { } t ? TextBlocks.OneLine(t.Replace("中华人民共和国国家标准", "", StringComparison.Ordinal)) : null,
        }, "CN");
    }

    private static DocumentMetadata? Rfc(ExtractionContext context)
    {
        var m = RfcHeader().Match(context.Cover);
        if (!m.Success)
        {
            return null;
        }
        var date = TextDates.FindFirst(context.Cover[m.Index..]);
        var title = RfcTitle().Match(context.Cover);
        return new DocumentMetadata
        {
            Type = MetadataVocabulary.Standard,
            Identifier = $"RFC {m.Groups["number"].Value}",
            Number = m.Groups["number"].Value,
            ApprovalDate = date?.ToString(),
            Year = date?.Year,
            Title = title.Success ? title.Groups["title"].Value.Trim() : context.ParserTitle,
        };
    }

    private static DocumentMetadata WithCountry(DocumentMetadata metadata, string code)
    {
        var country = Countries.ByCode(code)!;
        return metadata with { CountryCode = country.Code, CountryName = country.Name, Region = country.Region };
    }

    // "(ECC – 2: 2024)", ")CSCC – 1 : 2019(" (parentheses mirrored by right-to-left layout), "(ECC-2:2024)".
    [GeneratedRegex(@"\b(?<name>ECC|CSCC|TCC|NCS|OTCC|DCC|CCC|OSMACC|SMACC|CCRF)\s*[–-]\s*(?<edition>\d{1,2})\s*:\s*(?<year>(?:19|20)\d{2})\b")]
    private static partial Regex NcaControls();

    // "GB/T 22240—2008", "GB 17859-1999"; the dash before the year is often an em dash.
    [GeneratedRegex(@"\bGB\s*(?:/\s*(?<kind>[TZ]))?\s*(?<number>\d{4,5}(?:\.\d+)?)\s*[—–-]+\s*(?<year>(?:19|20)\d{2})\b")]
    private static partial Regex GbStandard();

    [GeneratedRegex(@"(?<![a-z])gb(?:-(?<kind>[tz]))?_(?<number>\d{4,5})-(?<year>(?:19|20)\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex GbFileName();

    // "2008-06-19 发布" (issued); the implementation date that follows is later and not the approval date.
    [GeneratedRegex(@"(?<year>(?:19|20)\d{2})-(?<month>0[1-9]|1[0-2])-\d{2}\s*发布")]
    private static partial Regex IssueDate();

    [GeneratedRegex(@"Request\s+for\s+Comments:\s*(?<number>\d{1,5})\b")]
    private static partial Regex RfcHeader();

    // The centred title line after the RFC header block.
    [GeneratedRegex(@"\n\s*\n[ ]{4,}(?<title>\S[^\n]{5,})\n")]
    private static partial Regex RfcTitle();
}
