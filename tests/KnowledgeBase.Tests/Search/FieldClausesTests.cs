using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Tests.Search;

/// <summary>Lucene's positional QueryScorer is handed only the clauses of the field it highlights.</summary>
public sealed class FieldClausesTests
{
    [Fact]
    public void Of_AQuestionWithAPhraseAndAPrefix_KeepsOnlyTheFieldsClausesInOrder()
    {
        using var analyzer = IndexAnalyzers.Create();
        using var queryAnalyzer = new QueryAnalyzer(analyzer);
        var (_, textQuery) = KeywordQueryBuilder.Build("\"national team\" incid* response -ransomware", queryAnalyzer);
        var field = LanguageFields.Field(IndexFields.Body, "en");

        var pruned = FieldClauses.Of(textQuery, field);

        var fields = new List<string>();
        Collect(pruned, fields);
        Assert.NotEmpty(fields);
        Assert.All(fields, f => Assert.Equal(field, f));
        var all = new List<string>();
        Collect(textQuery, all);
        Assert.Contains(all, f => f != field);
        Assert.Equal(all.Count(f => f == field), fields.Count);
    }

    [Fact]
    public void Of_AQueryOfTheFieldAlone_IsTheQueryItself()
    {
        var query = new BooleanQuery { { new TermQuery(new Term("body_en", "incid")), Occur.SHOULD }, { new PhraseQuery { new Term("body_en", "team") }, Occur.SHOULD } };

        Assert.Same(query, FieldClauses.Of(query, "body_en"));
    }

    private static void Collect(Query query, List<string> fields)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses)
                {
                    Collect(clause.Query, fields);
                }
                break;
            case TermQuery term:
                fields.Add(term.Term.Field);
                break;
            case PhraseQuery phrase:
                fields.Add(phrase.GetTerms()[0].Field);
                break;
            case MultiTermQuery multiTerm:
                fields.Add(multiTerm.Field);
                break;
        }
    }
}
