using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>
/// ITU-D study group documents. A contribution carries a document symbol ("Document SG2RGQ/123-E") and names its
/// Question ("Question 3/2") and study period ("2022-2025"); an output report names Question and period without a symbol.
/// </summary>
internal static partial class ItuDevelopmentRules
{
    public static DocumentMetadata? TryExtract(ExtractionContext context)
    {
        var cover = context.Cover;
        if (!DevelopmentSector().IsMatch(cover))
        {
            return null;
        }
        var symbol = DocumentSymbol().Match(cover);
        var question = QuestionNumber().Match(cover);
        var group = StudyGroup().Match(cover);
        var period = StudyPeriod().Match(cover);
        var date = TextDates.FindFirst(cover);
        var questionText = question.Success ? $"{question.Groups["q"].Value}/{question.Groups["sg"].Value}" : null;
        return new DocumentMetadata
        {
            Type = symbol.Success ? MetadataVocabulary.ItuDContribution : MetadataVocabulary.ItuDReport,
            Identifier = symbol.Success ? symbol.Groups["symbol"].Value.ToUpperInvariant() : questionText is null ? null : $"Question {questionText}",
            DocumentSymbol = symbol.Success ? symbol.Groups["symbol"].Value.ToUpperInvariant() : null,
            Question = questionText,
            StudyGroup = group.Success ? group.Groups["sg"].Value : question.Success ? question.Groups["sg"].Value : null,
            StudyPeriod = period.Success ? $"{period.Groups["from"].Value}-{period.Groups["to"].Value}" : null,
            ApprovalDate = date?.ToString(),
            Year = date?.Year,
        };
    }

    [GeneratedRegex(@"\bITU-D\b|TELECOMMUNICATION\s+DEVELOPMENT\s+(?:SECTOR|BUREAU)", RegexOptions.IgnoreCase)]
    private static partial Regex DevelopmentSector();

    // "Document SG2RGQ/123-E", "Document 1/45(Rev.1)-E", "Document TDAG-23/12"; the language suffix is dropped.
    [GeneratedRegex(@"\bDocument\s+(?<symbol>(?:SG\d{1,2}RGQ|RGQ\d{1,2}|TDAG(?:-\d{2})?|\d{1,2})/\d{1,4}(?:\(Rev\.\s?\d+\))?)", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentSymbol();

    // "Question 3/2": Question 3 of Study Group 2.
    [GeneratedRegex(@"\bQuestions?\s+(?<q>\d{1,2})/(?<sg>\d{1,2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionNumber();

    [GeneratedRegex(@"\bStudy\s+Group\s+(?<sg>\d{1,2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex StudyGroup();

    // "study period 2022-2025", "(2022–2025)".
    [GeneratedRegex(@"(?<from>(?:19|20)\d{2})\s*[-–]\s*(?<to>(?:19|20)\d{2})\s*(?:study\s+period)?", RegexOptions.IgnoreCase)]
    private static partial Regex StudyPeriod();
}
