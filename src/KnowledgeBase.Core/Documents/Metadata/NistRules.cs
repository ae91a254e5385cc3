using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>
/// NIST publications: "NIST Special Publication 800-61 Revision 2" → "SP 800-61r2", "FIPS PUB 199" → "FIPS 199",
/// "NISTIR 7298 Revision 2" → "NISTIR 7298r2", the Cybersecurity Framework "Version 1.1" → "CSF 1.1". The date is
/// the first month and year on the title page ("August 2012").
/// </summary>
internal static partial class NistRules
{
    public static DocumentMetadata? TryExtract(ExtractionContext context)
    {
        var cover = context.Cover;
        var (identifier, type, edition, at) = Identify(cover);
        if (identifier is null)
        {
            return null;
        }
        var date = TextDates.FindFirst(cover[at..]);
        context.CheckFileNameYear(date?.Year);
        date ??= FileNameHints.Year(context.FileName) is { } fileYear ? new PartialDate(fileYear, null) : null;
        var title = Title(context.ParserTitle, cover, at);
        if (type == "nistir")
        {
            type = title?.Contains("Glossary", StringComparison.OrdinalIgnoreCase) == true ? MetadataVocabulary.Glossary : MetadataVocabulary.Other;
        }
        var us = Countries.ByCode("US")!;
        return new DocumentMetadata
        {
            Type = type,
            Identifier = identifier,
            Edition = edition,
            ApprovalDate = date?.ToString(),
            Year = date?.Year,
            CountryCode = us.Code,
            CountryName = us.Name,
            Region = us.Region,
            Title = title,
        };
    }

    private static (string? Identifier, string Type, string? Edition, int At) Identify(string cover)
    {
        if (SpecialPublication().Match(cover) is { Success: true } sp)
        {
            var revision = sp.Groups["revision"].Success ? $"r{sp.Groups["revision"].Value}" : "";
            return ($"SP {sp.Groups["number"].Value.ToUpperInvariant()}{revision}", MetadataVocabulary.Guide, null, sp.Index);
        }
        if (Fips().Match(cover) is { Success: true } fips)
        {
            return ($"FIPS {fips.Groups["number"].Value}", MetadataVocabulary.Standard, null, fips.Index);
        }
        if (InteragencyReport().Match(cover) is { Success: true } ir)
        {
            var revision = ir.Groups["revision"].Success ? $"r{ir.Groups["revision"].Value}" : "";
            return ($"NISTIR {ir.Groups["number"].Value}{revision}", "nistir", null, ir.Index);
        }
        if (Framework().Match(cover) is { Success: true } csf)
        {
            return ($"CSF {csf.Groups["version"].Value}", MetadataVocabulary.Guide, csf.Groups["version"].Value, csf.Index);
        }
        return (null, MetadataVocabulary.Other, null, 0);
    }

    // The PDF title when it is a real one; title pages like "INFORMATION S E C U R I T Y" or a bare
    // "Special Publication 800-26" give way to the words after the identifier on the cover.
    private static string? Title(string? parserTitle, string cover, int at)
    {
        var stripped = parserTitle is null ? null : TextBlocks.OneLine(TitlePrefix().Replace(parserTitle, ""));
        if (stripped is not null && !LetterSpaced().IsMatch(stripped) && !SpecialPublication().IsMatch(stripped))
        {
            return stripped;
        }
        var line = cover.IndexOf('\n', at);
        var afterIdentifier = SpecialPublication().Match(cover, at) is { Success: true, Index: var i } m && i == at
            ? m.Index + m.Length
            : line < 0 ? cover.Length : line;
        var rest = cover[afterIdentifier..].TrimStart();
        var end = rest.IndexOf("\n\n", StringComparison.Ordinal);
        return TextBlocks.OneLine(end < 0 ? rest : rest[..end]);
    }

    // "NIST Special Publication 800-61\nRevision 2", "SPECIAL PUBLICATION 800-24", "Special Publication 800-63B".
    [GeneratedRegex(@"Special\s+Publication\s+(?<number>\d{3,4}-\d{1,4}[A-Za-z]?)\b(?:\s+Rev(?:ision|\.)\s*(?<revision>\d{1,2}))?", RegexOptions.IgnoreCase)]
    private static partial Regex SpecialPublication();

    [GeneratedRegex(@"\bFIPS\s+PUB\s+(?<number>\d{2,3})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Fips();

    [GeneratedRegex(@"\bNISTIR\s+(?<number>\d{4})\b(?:\s+Revision\s+(?<revision>\d{1,2}))?")]
    private static partial Regex InteragencyReport();

    [GeneratedRegex(@"Framework\s+for\s+Improving\s+Critical\s+Infrastructure\s+Cybersecurity\s+Version\s+(?<version>\d+\.\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex Framework();

    // Three or more single letters in a row: "S E C U R I T Y".
    [GeneratedRegex(@"(?:\b\p{L}\s){3,}")]
    private static partial Regex LetterSpaced();

    // "NIST SP 800-61 Revision 2, Computer Security ..." or "NIST Special Publication 800-30 Revision 1, Guide ..."
    // → the words after the comma.
    [GeneratedRegex(@"^(?:NIST\s+)?(?:SP|FIPS|Special\s+Publication)\s+[\d-]+[A-Za-z]?(?:\s+Revision\s+\d+)?,\s*", RegexOptions.IgnoreCase)]
    private static partial Regex TitlePrefix();
}
