using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Util;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// English stemming for prose fields; identifiers are indexed as the exact normalised tokens
/// <see cref="Documents.IdentifierExtractor"/> produces, lower-cased, so "X.1056" is one term.
/// </summary>
internal static class IndexAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Create()
    {
        var identifiers = new IdentifierAnalyzer();
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(Version), new Dictionary<string, Analyzer>
        {
            [IndexFields.Identifiers] = identifiers,
            [IndexFields.Mentions] = identifiers,
        });
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
