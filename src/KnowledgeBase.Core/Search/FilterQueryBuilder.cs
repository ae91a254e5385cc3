using KnowledgeBase.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Core.Search;

/// <summary>Turns <see cref="SearchFilters"/> into Lucene clauses on the chunk's filter fields.</summary>
internal static class FilterQueryBuilder
{
    /// <summary>
    /// The clauses to add to the main query (empty when nothing is filtered); not a query of their own, since a
    /// query of only MUST_NOT clauses would match nothing. Status depends on the whole edition chain, so it arrives
    /// already resolved as document ids: those allowed (if any set), and those left out.
    /// </summary>
    public static IReadOnlyList<BooleanClause> Build(SearchFilters filters, IReadOnlySet<string>? onlyDocuments, IReadOnlySet<string> excludedDocuments)
    {
        var all = new BooleanQuery();
        AnyOf(all, IndexFields.FilterType, filters.Types);
        AnyOf(all, IndexFields.FilterSeries, filters.Series);
        AnyOf(all, IndexFields.FilterIdentifier, filters.Identifiers);
        AnyOf(all, IndexFields.FilterStudyGroup, filters.StudyGroups);
        AnyOf(all, IndexFields.FilterQuestion, filters.Questions);
        AnyOf(all, IndexFields.FilterPeriod, filters.Periods);
        AnyOf(all, IndexFields.FilterCountry, filters.Countries);
        AnyOf(all, IndexFields.FilterRegion, filters.Regions);
        AnyOf(all, IndexFields.Language, filters.Languages);
        if (filters.YearFrom is not null || filters.YearTo is not null)
        {
            all.Add(NumericRangeQuery.NewInt32Range(IndexFields.FilterYear, filters.YearFrom, filters.YearTo, true, true), Occur.MUST);
        }
        if (onlyDocuments is not null)
        {
            var documents = new BooleanQuery();
            foreach (var id in onlyDocuments)
            {
                documents.Add(new TermQuery(new Term(IndexFields.DocumentId, id)), Occur.SHOULD);
            }
            all.Add(documents, Occur.MUST);
        }
        foreach (var id in excludedDocuments)
        {
            all.Add(new TermQuery(new Term(IndexFields.DocumentId, id)), Occur.MUST_NOT);
        }
        return all.Clauses.ToList();
    }

    private static void AnyOf(BooleanQuery all, string field, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }
        var any = new BooleanQuery();
        foreach (var value in values)
        {
            any.Add(new TermQuery(new Term(field, IndexFields.FilterValue(value))), Occur.SHOULD);
        }
        all.Add(any, Occur.MUST);
    }
}
