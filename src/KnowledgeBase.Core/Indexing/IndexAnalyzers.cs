using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Util;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// The analyzer of every field: per-language prose fields (see <see cref="LanguageFields"/>), and identifiers
/// indexed as the exact normalised tokens <see cref="Documents.IdentifierExtractor"/> produces, lower-cased, so
/// "X.1056" is one term.
/// </summary>
internal static class IndexAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static readonly string[] ProseFields = [IndexFields.Body, IndexFields.Heading, IndexFields.Title];

    public static Analyzer Create()
    {
        var identifiers = new IdentifierAnalyzer();
        var perField = new Dictionary<string, Analyzer>
        {
            [IndexFields.Identifiers] = identifiers,
            [IndexFields.Mentions] = identifiers,
        };
        foreach (var language in LanguageFields.Languages)
        {
            var analyzer = LanguageFields.AnalyzerFor(language);
            foreach (var field in ProseFields)
            {
                perField[LanguageFields.Field(field, language)] = analyzer;
            }
        }
        return new PerFieldAnalyzerWrapper(new ProseAnalyzer(), perField);
    }

    private sealed class IdentifierAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new WhitespaceTokenizer(Version, reader);
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(Version, tokenizer));
        }
    }
}
