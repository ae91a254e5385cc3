using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// English stemming for prose fields, with CJK text as overlapping bigrams (网络安全 → 网络 络安 安全) so Chinese
/// words match without a dictionary; identifiers are indexed as the exact normalised tokens
/// <see cref="Documents.IdentifierExtractor"/> produces, lower-cased, so "X.1056" is one term.
/// </summary>
internal static class IndexAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Create()
    {
        var identifiers = new IdentifierAnalyzer();
        return new PerFieldAnalyzerWrapper(new ProseAnalyzer(), new Dictionary<string, Analyzer>
        {
            [IndexFields.Identifiers] = identifiers,
            [IndexFields.Mentions] = identifiers,
        });
    }

    /// <summary>EnglishAnalyzer's chain with CJK width folding and bigrams added after the tokenizer.</summary>
    private sealed class ProseAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new CJKWidthFilter(tokenizer);
            stream = new CJKBigramFilter(stream);
            stream = new EnglishPossessiveFilter(Version, stream);
            stream = new LowerCaseFilter(Version, stream);
            stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
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
