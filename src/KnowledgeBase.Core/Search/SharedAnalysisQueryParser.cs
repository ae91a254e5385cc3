using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Simple;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// The simple query parser over a language's body, heading and title fields, analysing each word once per language
/// instead of once per field: the three fields of a language share its analyzer, so their queries differ only in the
/// field name. The query is the one <see cref="SimpleQueryParser"/> builds, clause for clause. Given
/// <paramref name="words"/>, a word's query is taken from there when an earlier question built it with the same weights.
/// </summary>
internal sealed class SharedAnalysisQueryParser(Analyzer analyzer, IDictionary<string, float> weights, WordQueryCache? words = null)
    : SimpleQueryParser(analyzer, weights)
{
    // What a word's query depends on besides the analyzer and the word: the fields and weights, in order, and the
    // operator between the terms of a word the analyzer splits.
    private string? _weightsKey;

    protected override Query NewDefaultQuery(string text)
    {
        if (words is null)
        {
            return WordQuery(text)!;
        }
        _weightsKey ??= string.Join('|', m_weights.Select(w => $"{w.Key}={w.Value:R}")) + "|" + DefaultOperator;
        return words.GetOrAdd(_weightsKey, text, WordQuery)!;
    }

    /// <summary>The word in every weighted field (what SimpleQueryParser's NewDefaultQuery makes), null when every analyzer drops it.</summary>
    private Query? WordQuery(string text)
    {
        var any = new BooleanQuery(disableCoord: true);
        // Per language: whether the word analysed to nothing, else an unboosted copy to retarget (null: not copyable).
        var byLanguage = new Dictionary<string, (bool Empty, Query? Template)>(StringComparer.Ordinal);
        foreach (var (field, weight) in m_weights)
        {
            var language = field[(field.LastIndexOf('_') + 1)..];
            Query? query;
            if (byLanguage.TryGetValue(language, out var analysed))
            {
                query = analysed.Empty ? null
                    : (analysed.Template is null ? null : Retarget(analysed.Template, field)) ?? AnalyseWord(field, text);
            }
            else
            {
                query = AnalyseWord(field, text);
                byLanguage[language] = (query is null, query is null ? null : Retarget(query, field));
            }
            if (query is not null)
            {
                query.Boost = weight;
                any.Add(query, Occur.SHOULD);
            }
        }
        return Simplify(any);
    }

    /// <summary>
    /// The query <see cref="QueryBuilder.CreateBooleanQuery(string, string, Occur)"/> makes of one word, built from
    /// the analysed tokens directly: QueryBuilder reads the stream through a CachingTokenFilter, which clones every
    /// attribute of every token, and that was two thirds of building a query (dotnet-trace). A word is a term; a
    /// word the analyzer splits is its terms, with terms at the same position (synonyms) grouped.
    /// </summary>
    private Query? AnalyseWord(string field, string word)
    {
        var tokens = new List<(BytesRef Term, int Increment)>();
        var positions = 0;
        using (var stream = Analyzer.GetTokenStream(field, word))
        {
            var term = stream.GetAttribute<ITermToBytesRefAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                term.FillBytesRef();
                tokens.Add((BytesRef.DeepCopyOf(term.BytesRef), increment.PositionIncrement));
                positions += increment.PositionIncrement;
            }
            stream.End();
        }
        switch (tokens.Count)
        {
            case 0:
                return null;
            case 1:
                return new TermQuery(new Term(field, tokens[0].Term));
        }
        if (positions == 1)
        {
            var synonyms = new BooleanQuery(disableCoord: true);
            tokens.ForEach(t => synonyms.Add(new TermQuery(new Term(field, t.Term)), Occur.SHOULD));
            return synonyms;
        }
        var query = new BooleanQuery(disableCoord: false);
        Query? current = null;
        foreach (var (term, increment) in tokens)
        {
            if (increment == 0)
            {
                if (current is not BooleanQuery sameTerm)
                {
                    sameTerm = new BooleanQuery(disableCoord: true) { { current!, Occur.SHOULD } };
                    current = sameTerm;
                }
                sameTerm.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
            }
            else
            {
                if (current is not null)
                {
                    query.Add(current, DefaultOperator);
                }
                current = new TermQuery(new Term(field, term));
            }
        }
        query.Add(current, DefaultOperator);
        return query;
    }

    /// <summary>The same term and Boolean structure on another field; null for any other kind of query.</summary>
    private static Query? Retarget(Query query, string field)
    {
        switch (query)
        {
            case TermQuery term:
                // The bytes are shared: no query changes a term once it is made.
                return new TermQuery(new Term(field, term.Term.Bytes)) { Boost = term.Boost };
            case BooleanQuery boolean:
                var copy = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
                foreach (var clause in boolean.Clauses)
                {
                    if (Retarget(clause.Query, field) is not { } child)
                    {
                        return null;
                    }
                    copy.Add(child, clause.Occur);
                }
                return copy;
            default:
                return null;
        }
    }
}
