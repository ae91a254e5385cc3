using System.Text.RegularExpressions;
using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Ingestion.Chunking;

/// <summary>
/// Finds the clause tree of a document: numbered clauses (1, 1.1, 3.2.1), annexes and appendices with their
/// sub-clauses (Annex A, A.1, Appendix I, I.2), named sections (Bibliography, Foreword) and, in reports and
/// strategies, chapters and roman-numbered parts. A numbered line only counts when it continues the numbering
/// seen so far, so list items and table-of-contents entries are not mistaken for clauses.
/// </summary>
public static partial class ClauseDetector
{
    private const int MaxHeadingLength = 140;
    private const int MaxHeadingWords = 20;

    public static IReadOnlyList<ClauseHeading> Detect(ExtractedDocument document)
    {
        if (document.Headings.Count > 0)
        {
            return document.Headings.Select(FromMark).ToList();
        }
        var state = new NumberingState();
        var numbered = new List<(ClauseHeading Heading, int[] Number, bool StandsAlone)>();
        var headings = new List<ClauseHeading>();
        var capsHeadings = new List<ClauseHeading>();
        foreach (var line in Lines(document))
        {
            if (line.InTable || IsTableOfContentsLine(line.Text))
            {
                continue;
            }
            if (NumberedCandidate(line, state) is { } candidate)
            {
                numbered.Add((candidate.Item1, candidate.Item2, line.FollowsBlank && line.PrecedesBlank));
            }
            else if (Match(line, state) is { } heading)
            {
                headings.Add(heading);
            }
            else if (line.FollowsBlank && IsCapitalisedHeading(line.Text))
            {
                capsHeadings.Add(new ClauseHeading(line.Offset, line.Text, "", 1));
            }
        }
        var chain = NumberingChain.Longest(numbered.Select(n => n.Number).ToList());
        headings.AddRange(chain.Select(i => numbered[i].Heading));
        headings.AddRange(OcrHeadingsOffTheChain(document, numbered, chain));
        // Capitalised lines only structure documents that have no numbered clauses of their own.
        var hasNumberedClauses = headings.Any(h => h.Level == 1 && char.IsDigit(h.Label[0]));
        return (hasNumberedClauses ? headings : headings.Concat(capsHeadings)).OrderBy(h => h.Offset).ToList();
    }

    /// <summary>A "6.2 Title" line before any annex; whether it is a heading is decided by <see cref="NumberingChain"/>.</summary>
    private static (ClauseHeading, int[])? NumberedCandidate(Line line, NumberingState state)
    {
        if (state.Annex is not null || line.Text.Length > MaxHeadingLength * 2 || NumberedHeading().Match(line.Text) is not { Success: true } numbered)
        {
            return null;
        }
        var title = numbered.Groups["title"].Value.Trim();
        var number = numbered.Groups["number"].Value.TrimEnd('.');
        var separator = number.Contains('-') ? '-' : '.';
        var parts = number.Split(separator).Select(int.Parse).ToArray();
        // "[1-1-1] [١-١-١]": a bracketed number alone, repeated in another script, heads a control with no title.
        var bracketedOnly = line.Text.StartsWith('[') && BracketedNumber().IsMatch(title);
        return bracketedOnly || LooksLikeTitle(title)
            ? (new ClauseHeading(line.Offset, string.Join(separator, parts), bracketedOnly ? "" : title, parts.Length), parts)
            : null;
    }

    /// <summary>
    /// Scanned pages carry no outline or fonts to tell a heading, their digits can be misread ("3.2.l") and scanned
    /// submissions are often excerpts that start mid-document, so the numbering chain often cannot reach their
    /// clauses. There a multi-level numbered line ("3.2.6 Incident Prioritization") that Tesseract laid out as a
    /// paragraph of its own is a heading even off the chain: list items are single-level or run on in their
    /// paragraph. Born-digital pages keep the stricter chain.
    /// </summary>
    private static IEnumerable<ClauseHeading> OcrHeadingsOffTheChain(
        ExtractedDocument document, List<(ClauseHeading Heading, int[] Number, bool StandsAlone)> numbered, IReadOnlyList<int> chain)
    {
        var ocrPages = document.Pages.Where(p => p.IsOcr).ToList();
        if (ocrPages.Count == 0)
        {
            return [];
        }
        var onChain = chain.ToHashSet();
        return numbered
            .Where((n, i) => !onChain.Contains(i) && n.StandsAlone && n.Number.Length >= 2
                && ocrPages.Any(p => n.Heading.Offset >= p.Start && n.Heading.Offset < p.End))
            .Select(n => n.Heading);
    }

    public static bool IsTableOfContentsLine(string line) => DotLeaders().IsMatch(line);

    private static ClauseHeading? Match(Line line, NumberingState state)
    {
        var text = line.Text;
        if (text.Length > MaxHeadingLength * 2)
        {
            return null;
        }
        if (NumberedHeading().IsMatch(text))
        {
            return null; // numbered lines are candidates for the numbering chain, never anything else
        }
        if (AnnexHeading().Match(text) is { Success: true } annex)
        {
            var rest = annex.Groups["rest"].Value.Trim();
            var separated = rest.Length == 0 || "–—-:.".Contains(rest[0]);
            if (!separated && (rest.Split(' ').Length > 12 || rest.EndsWith('.')))
            {
                return null; // "Annex A describes ..." is a sentence, not a heading
            }
            var kind = char.ToUpperInvariant(annex.Groups["kind"].Value[0]) + annex.Groups["kind"].Value[1..].ToLowerInvariant();
            var id = annex.Groups["id"].Value;
            state.EnterAnnex(id);
            var title = rest.TrimStart('–', '—', '-', ':', '.', ' ');
            return new ClauseHeading(line.Offset, $"{kind} {id}", title.Length > 0 ? title : line.NextText ?? "", 1);
        }
        if (AnnexClause().Match(text) is { Success: true } annexClause && annexClause.Groups["id"].Value == state.Annex)
        {
            var title = annexClause.Groups["title"].Value.Trim();
            var depth = annexClause.Groups["number"].Value.Split('.').Length;
            return LooksLikeTitle(title)
                ? new ClauseHeading(line.Offset, $"{state.Annex}.{annexClause.Groups["number"].Value}", title, depth + 1)
                : null;
        }
        if (NamedSection().IsMatch(text))
        {
            state.LeaveNumbering();
            return new ClauseHeading(line.Offset, text.TrimEnd(':'), "", 1);
        }
        if (ChapterHeading().Match(text) is { Success: true } chapter && LooksLikeTitle(chapter.Groups["rest"].Value.Trim(), allowEmpty: true))
        {
            var title = chapter.Groups["rest"].Value.Trim().TrimStart('–', '—', '-', ':', '.', ' ');
            return new ClauseHeading(line.Offset, $"{chapter.Groups["kind"].Value} {chapter.Groups["id"].Value}", title, 1);
        }
        if (RomanHeading().Match(text) is { Success: true } roman && LooksLikeTitle(roman.Groups["title"].Value))
        {
            return state.TryAdvanceRoman(roman.Groups["id"].Value)
                ? new ClauseHeading(line.Offset, roman.Groups["id"].Value, roman.Groups["title"].Value.Trim(), 1)
                : null;
        }
        return null;
    }

    private static bool LooksLikeTitle(string title, bool allowEmpty = false)
    {
        if (title.Length == 0)
        {
            return allowEmpty;
        }
        return title.Length <= MaxHeadingLength
            && !char.IsLower(title[0])
            && char.IsLetter(title.FirstOrDefault(c => !char.IsPunctuation(c) && c != ' '))
            && title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxHeadingWords
            && !(title.EndsWith('.') && title.Split(' ').Length > 8)
            && !title.EndsWith(',') && !title.EndsWith(';');
    }

    private static bool IsCapitalisedHeading(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 10 && text.Length is >= 4 and <= 100
            && text.Count(char.IsLetter) >= 4
            && text.Where(char.IsLetter).All(char.IsUpper)
            && !text.EndsWith('.') && !text.Contains('|');
    }

    private static ClauseHeading FromMark(HeadingMark mark)
    {
        var numbered = NumberedHeading().Match(mark.Text);
        if (numbered.Success)
        {
            var number = numbered.Groups["number"].Value.TrimEnd('.');
            return new ClauseHeading(mark.Offset, number, numbered.Groups["title"].Value.Trim(), number.Split('.', '-').Length);
        }
        var annex = AnnexHeading().Match(mark.Text);
        if (annex.Success)
        {
            return new ClauseHeading(mark.Offset, $"{annex.Groups["kind"].Value} {annex.Groups["id"].Value}",
                annex.Groups["rest"].Value.Trim().TrimStart('–', '—', '-', ':', '.', ' '), 1);
        }
        var annexClause = AnnexClause().Match(mark.Text);
        if (annexClause.Success)
        {
            var label = $"{annexClause.Groups["id"].Value}.{annexClause.Groups["number"].Value}";
            return new ClauseHeading(mark.Offset, label, annexClause.Groups["title"].Value.Trim(), label.Split('.').Length);
        }
        return new ClauseHeading(mark.Offset, mark.Text, "", mark.Level);
    }

    private static IEnumerable<Line> Lines(ExtractedDocument document)
    {
        var text = document.Text;
        var offset = 0;
        var previousBlank = true;
        var tableIndex = 0;
        while (offset < text.Length)
        {
            var end = text.IndexOf('\n', offset);
            if (end < 0)
            {
                end = text.Length;
            }
            var lineText = text[offset..end].Trim();
            while (tableIndex < document.Tables.Count && document.Tables[tableIndex].End <= offset)
            {
                tableIndex++;
            }
            var inTable = tableIndex < document.Tables.Count && document.Tables[tableIndex].Contains(offset);
            if (lineText.Length > 0)
            {
                var precedesBlank = end + 1 >= text.Length || text[end + 1] == '\n';
                yield return new Line(offset, lineText, previousBlank, precedesBlank, inTable, NextLine(text, end));
            }
            previousBlank = lineText.Length == 0;
            offset = end + 1;
        }
    }

    private static string? NextLine(string text, int end)
    {
        var start = end + 1;
        while (start < text.Length && text[start] == '\n')
        {
            start++;
        }
        if (start >= text.Length)
        {
            return null;
        }
        var next = text.IndexOf('\n', start);
        var line = text[start..(next < 0 ? text.Length : next)].Trim();
        return line.StartsWith('(') || line.Length > MaxHeadingLength ? null : line;
    }

    // "6.2 Title", "1. Introduction", "4.1.3\tTitle", and control numbers "1-2-1" or "[1-2-1]" as the Saudi NCA
    // writes them; at most two digits at the top so years are not clauses.
    // [0-9], not \d: \d also matches Arabic-Indic digits, which int.Parse does not read.
    [GeneratedRegex(@"^\[?(?<number>[0-9]{1,2}((\.[0-9]{1,3}){0,5}\.?|(-[0-9]{1,3}){1,4}))\]?\s+(?<title>\S.*)$")]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"^\[[\d\p{Nd}.\-]+\]$")]
    private static partial Regex BracketedNumber();

    [GeneratedRegex(@"^(?<kind>Annex|ANNEX|Appendix|APPENDIX|Annexe|ANNEXE|Anexo|ANEXO|Apéndice|Приложение)\s+(?<id>[A-Z]{1,2}|[IVXLC]{1,6}|\d{1,2})\b(?<rest>.*)$")]
    private static partial Regex AnnexHeading();

    [GeneratedRegex(@"^(?<id>[A-Z]|[IVX]{1,5})\.(?<number>\d{1,2}(\.\d{1,2}){0,3})\s+(?<title>\S.*)$")]
    private static partial Regex AnnexClause();

    [GeneratedRegex(@"^(Bibliography|BIBLIOGRAPHY|Bibliographie|Bibliografía|Библиография|References|REFERENCES|Foreword|FOREWORD|Summary|SUMMARY|Keywords|Introduction|INTRODUCTION|Executive Summary|EXECUTIVE SUMMARY|Preface|Glossary|GLOSSARY|Acronyms|ACRONYMS|Abbreviations|Acknowledgements|Acknowledgments|Conclusion|Conclusions|CONCLUSION|Résumé|Sommaire|Avant-propos|Resumen|Índice|Glosario|Введение|Заключение|Table of Contents|Contents|CONTENTS|前言|引言|参考文献|目次|目录)\s*:?$")]
    private static partial Regex NamedSection();

    [GeneratedRegex(@"^(?<kind>CHAPTER|Chapter|PART|Part|SECTION|Section|TITRE|Titre|CHAPITRE|Chapitre|CAPÍTULO|Capítulo|TÍTULO|Título|ГЛАВА|Глава|РАЗДЕЛ|Раздел)\s+(?<id>[IVXLC]{1,6}|\d{1,2}|[A-Z]|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b(?<rest>.*)$")]
    private static partial Regex ChapterHeading();

    [GeneratedRegex(@"^(?<id>[IVX]{1,5})[.)]\s+(?<title>\p{Lu}.*)$")]
    private static partial Regex RomanHeading();

    [GeneratedRegex(@"(\.\s?){4,}\s*\|?\s*([0-9ivxlcIVXLC]+|[A-Z]-?\d+)?\s*$|…{2,}")]
    private static partial Regex DotLeaders();

    private sealed record Line(int Offset, string Text, bool FollowsBlank, bool PrecedesBlank, bool InTable, string? NextText);
}
