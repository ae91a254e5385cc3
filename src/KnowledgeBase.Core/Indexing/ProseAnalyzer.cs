using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// EnglishAnalyzer's chain with CJK width folding and bigrams added after the tokenizer (网络安全 → 网络 络安 安全),
/// so CJK words inside English text, or in a language without its own analyzer, still match.
/// </summary>
internal sealed class ProseAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(IndexAnalyzers.Version, reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new CJKBigramFilter(stream);
        stream = new EnglishPossessiveFilter(IndexAnalyzers.Version, stream);
        stream = new LowerCaseFilter(IndexAnalyzers.Version, stream);
        stream = new StopFilter(IndexAnalyzers.Version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
