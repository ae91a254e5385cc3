using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Simple;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// The simple query parser over a language's body, heading and title fields, analysing each word once per language
/// instead of once per field: the three fields of a language share its analyzer, so their queries differ only in the
/// field name. The query is the one <see cref="SimpleQueryParser"/> builds, clause for clause.
/// </summary>
internal sealed class SharedAnalysisQueryParser(Analyzer analyzer, IDictionary<string, float> weights)
    : SimpleQueryParser(analyzer, weights)
{
    protected override Query NewDefaultQuery(string text)
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
                    : (analysed.Template is null ? null : Retarget(analysed.Template, field)) ?? CreateBooleanQuery(field, text, DefaultOperator);
            }
            else
            {
                query = CreateBooleanQuery(field, text, DefaultOperator);
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

    /// <summary>The same term and Boolean structure on another field; null for any other kind of query.</summary>
    private static Query? Retarget(Query query, string field)
    {
        switch (query)
        {
            case TermQuery term:
                return new TermQuery(new Term(field, BytesRef.DeepCopyOf(term.Term.Bytes))) { Boost = term.Boost };
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
