using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>
/// National strategies, policies and laws. The dataset names them "ncss_&lt;country&gt;_&lt;year&gt;_&lt;lang&gt;.txt",
/// but some labels are wrong (the "Chad 2012" file is a 2022 ordinance): a date stated on the first page wins over
/// the file name's year, with a warning. An ordinance, law or decree heading makes the document a law.
/// </summary>
internal static partial class NationalDocumentRules
{
    // The title page: long enough for OCR noise and a table of contents before the date, short enough to stay out
    // of the body where histories cite older dates.
    private const int FirstPageLength = 2500;
    private const int HeadingLength = 300;
    private const int TitleSearchLength = 1500;
    private const int MaxTitleLength = 200;

    public static DocumentMetadata? TryExtract(ExtractionContext context)
    {
        var label = FileNameHints.NationalLabel(context.FileName);
        var firstPage = context.Text.Length <= FirstPageLength ? context.Text : context.Text[..FirstPageLength];
        if (label is null && !Strategy().IsMatch(firstPage) && !Policy().IsMatch(firstPage) && !LawHeading().IsMatch(Heading(firstPage)))
        {
            return null;
        }

        var country = label is { } l ? Countries.Lookup(l.Country) : null;
        if (label is not null && country is null)
        {
            context.Warn($"country \"{label.Value.Country}\" in file name not recognised");
        }
        var date = Date(context, firstPage, label?.Year);
        var type = Type(firstPage);
        return new DocumentMetadata
        {
            Type = type,
            ApprovalDate = date?.ToString(),
            Year = date?.Year,
            CountryCode = country?.Code,
            CountryName = country?.Name,
            Region = country?.Region,
            Title = Title(firstPage, type) ?? (country is null ? null : $"{country.Name} national cybersecurity {type[9..]}"),
        };
    }

    private static PartialDate? Date(ExtractionContext context, string firstPage, int? fileYear)
    {
        var stated = TextDates.FindFirst(firstPage);
        if (stated is { } date && fileYear is { } year && date.Year != year)
        {
            context.Warn($"year in file name {year} differs from first page {date.Year}: kept first page");
        }
        return stated ?? (fileYear is { } y ? new PartialDate(y, null) : null);
    }

    private static string Type(string firstPage)
    {
        var law = LawHeading().Match(Heading(firstPage));
        var strategy = Strategy().Match(firstPage);
        if (law.Success && (!strategy.Success || law.Index < strategy.Index))
        {
            return MetadataVocabulary.NationalLaw;
        }
        // The paragraph that first names the document decides: "POLICY AND STRATEGY" is a strategy, "Basic principles
        // for State Policy" a policy even though it later cites the national security strategy.
        var policy = Policy().Match(firstPage);
        var first = new[] { strategy, policy }.Where(m => m.Success).OrderBy(m => m.Index).FirstOrDefault();
        if (first is null || first == strategy)
        {
            return MetadataVocabulary.NationalStrategy;
        }
        return Strategy().IsMatch(TextBlocks.ParagraphAt(firstPage, first.Index))
            ? MetadataVocabulary.NationalStrategy
            : MetadataVocabulary.NationalPolicy;
    }

    // The paragraph that names the document ("NATIONAL CYBERSECURITY STRATEGY 2020-2023"), if short enough to be a title.
    private static string? Title(string firstPage, string type)
    {
        var window = firstPage[..Math.Min(TitleSearchLength, firstPage.Length)];
        var match = type switch
        {
            MetadataVocabulary.NationalLaw => LawHeading().Match(Heading(firstPage)),
            MetadataVocabulary.NationalPolicy => Policy().Match(window),
            _ => Strategy().Match(window),
        };
        if (!match.Success)
        {
            return null;
        }
        var paragraph = TextBlocks.OneLine(TextBlocks.ParagraphAt(window, match.Index));
        return paragraph is { Length: <= MaxTitleLength } && !paragraph.Contains("....", StringComparison.Ordinal) ? paragraph : null;
    }

    private static string Heading(string firstPage) => firstPage[..Math.Min(HeadingLength, firstPage.Length)];

    // "ORDONNANCE N° 08", "LOI N° 2017-20", "Décret n° 2019-1", "Law No. 5", "Ley 65", "Закон № 418".
    [GeneratedRegex(@"\b(?:ORDONNANCE|ORDINANCE|LOI|LAW|D[ÉE]CRET|DECREE|LEY|ЗАКОН)\s+(?:N\s?°|Nº|No\.?|n°|№)?\s*\d", RegexOptions.IgnoreCase)]
    private static partial Regex LawHeading();

    // Strategy words in the corpus languages; "strategic" is not one, and a "concept" or "masterplan" is a strategy.
    [GeneratedRegex(@"\bstrateg(?:y|ies)\b|\bstratégie|\bestrategia|стратеги[яиюй]|концепци|\bmasterplan\b|\bstratēģija|στρατηγική|\bCYBERSECURITY\s+PLAN\b|\bprogramme\s+for\s+the\s+development\b", RegexOptions.IgnoreCase)]
    private static partial Regex Strategy();

    [GeneratedRegex(@"\bpolicy\b|\bpolitique\b|\bpolítica\b|политик", RegexOptions.IgnoreCase)]
    private static partial Regex Policy();
}
