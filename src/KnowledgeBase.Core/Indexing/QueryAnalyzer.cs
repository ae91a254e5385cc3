using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Util;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// Analyses queries like the index does, then also drops the stop words of the six ITU languages (and
/// Portuguese) in every field. A query is analysed for all languages, and without this "de" or "des" from a
/// Spanish or French question would be a rare, heavily weighted term in the English fields.
/// </summary>
internal sealed class QueryAnalyzer(Analyzer indexAnalyzer) : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
{
    private static readonly CharArraySet CommonStopWords = Union(
        EnglishAnalyzer.DefaultStopSet, FrenchAnalyzer.DefaultStopSet, SpanishAnalyzer.DefaultStopSet,
        PortugueseAnalyzer.DefaultStopSet, RussianAnalyzer.DefaultStopSet, ArabicAnalyzer.DefaultStopSet);

    protected override Analyzer GetWrappedAnalyzer(string fieldName) => indexAnalyzer;

    protected override TokenStreamComponents WrapComponents(string fieldName, TokenStreamComponents components) =>
        fieldName is IndexFields.Identifiers or IndexFields.Mentions
            ? components
            : new TokenStreamComponents(components.Tokenizer, new StopFilter(IndexAnalyzers.Version, components.TokenStream, CommonStopWords));

    private static CharArraySet Union(params CharArraySet[] sets)
    {
        var union = new CharArraySet(IndexAnalyzers.Version, 2000, ignoreCase: true);
        foreach (var set in sets)
        {
            foreach (var word in set)
            {
                union.Add(word);
            }
        }
        return union.AsReadOnly();
    }
}
