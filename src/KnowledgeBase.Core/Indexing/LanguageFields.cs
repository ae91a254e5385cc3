using KnowledgeBase.Core.Documents.Languages;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.El;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Lv;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Ru;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// Prose is indexed once per chunk into the field of its language ("body_fr"), analysed with that language's
/// stemmer and stop words; a query is analysed for every language searched, one field each. Text in a language
/// without its own analyzer goes to the English fields, whose analyzer also makes CJK bigrams.
/// </summary>
internal static class LanguageFields
{
    public const string Fallback = "en";

    public static IReadOnlyList<string> Languages => CorpusLanguages.Codes;

    public static string Normalize(string? language) =>
        language is not null && Languages.Contains(language) ? language : Fallback;

    public static string Field(string baseField, string? language) => $"{baseField}_{Normalize(language)}";

    public static Analyzer AnalyzerFor(string language) => language switch
    {
        "fr" => new FrenchAnalyzer(IndexAnalyzers.Version),
        "es" => new SpanishAnalyzer(IndexAnalyzers.Version),
        "ru" => new RussianAnalyzer(IndexAnalyzers.Version),
        "ar" => new ArabicAnalyzer(IndexAnalyzers.Version),
        "zh" => new CJKAnalyzer(IndexAnalyzers.Version),
        "el" => new GreekAnalyzer(IndexAnalyzers.Version),
        "lv" => new LatvianAnalyzer(IndexAnalyzers.Version),
        "pt" => new PortugueseAnalyzer(IndexAnalyzers.Version),
        "de" => new GermanAnalyzer(IndexAnalyzers.Version),
        _ => new ProseAnalyzer(),
    };
}
