using KnowledgeBase.Core.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KnowledgeBase.Core.Compare;

/// <summary>
/// One query per topic over every language at once: each passage is indexed only in its own language's fields
/// (body_fr, heading_fr…), so the topic's French phrasings, searched in the French fields, can only match French
/// passages, and so on. A phrasing is a phrase (a few words apart at most), analysed as the field was, so
/// "centre national de réponse" matches "centres nationaux de réponse" but not the words scattered over a page.
/// </summary>
internal static class TopicQuery
{
    /// <summary>Words of a phrasing may stand this many positions apart ("national computer incident response team").</summary>
    private const int Slop = 2;

    /// <summary>
    /// Matches on the topic's phrasings in passage text or clause heading, every language in its own fields; null
    /// when it has none. (A language no row's document is written in costs next to nothing: its fields lack the terms.)
    /// </summary>
    public static (Query Body, Query Heading)? Build(CompareTopic topic, Analyzer analyzer)
    {
        var builder = new QueryBuilder(analyzer);
        var body = new BooleanQuery();
        var heading = new BooleanQuery();
        foreach (var language in LanguageFields.Languages)
        {
            foreach (var phrasing in topic.PhrasingsFor(language).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                Add(body, builder.CreatePhraseQuery(LanguageFields.Field(IndexFields.Body, language), phrasing, Slop));
                Add(heading, builder.CreatePhraseQuery(LanguageFields.Field(IndexFields.Heading, language), phrasing, Slop));
            }
        }
        return body.Clauses.Count == 0 ? null : (body, heading);
    }

    /// <summary>
    /// Words that head a glossary or a list of acronyms, in the corpus' languages (not "contents" or "definitions":
    /// in texts whose headings were guessed from OCR, real sections sit under a "Table of Contents" heading, and a
    /// law's definitions are substance). Such a passage names a topic without saying anything about it ("CERT:
    /// Computer Emergency Response Team"), so it is neither counted nor cited: before this rule a glossary or acronym
    /// entry was the cited evidence of 6 dev-set cells called "addressed".
    /// </summary>
    private static readonly string[] ReferenceHeadings =
    [
        "glossary", "acronyms", "abbreviations", "glossaire", "sigles", "abréviations", "glosario", "siglas", "acrónimos",
        "abreviaturas", "глоссарий", "сокращения", "аббревиатуры", "γλωσσάριο", "συντομογραφίες", "saīsinājumi",
        "المختصرات", "مسرد", "缩略语",
    ];


    /// <summary>Passages under a glossary or acronym-list heading, in any language.</summary>
    public static Query ReferenceSections(Analyzer analyzer)
    {
        var builder = new QueryBuilder(analyzer);
        var any = new BooleanQuery();
        foreach (var language in LanguageFields.Languages)
        {
            foreach (var word in ReferenceHeadings)
            {
                Add(any, builder.CreateBooleanQuery(LanguageFields.Field(IndexFields.Heading, language), word));
            }
        }
        return any;
    }

    /// <summary>
    /// Passages of these documents only (zero-weight clauses restrict without changing scores). Past Lucene's
    /// clause limit the document restriction is left to the caller, which keeps only the rows' documents anyway.
    /// </summary>
    public static Query Within(Query query, IReadOnlyCollection<string> documentIds)
    {
        var within = new BooleanQuery
        {
            { new ConstantScoreQuery(new TermQuery(new Term(IndexFields.Kind, IndexFields.ChunkKind))) { Boost = 0 }, Occur.MUST },
            { query, Occur.MUST },
        };
        if (documentIds.Count < BooleanQuery.MaxClauseCount)
        {
            var documents = new BooleanQuery();
            foreach (var id in documentIds)
            {
                documents.Add(new TermQuery(new Term(IndexFields.DocumentId, id)), Occur.SHOULD);
            }
            within.Add(new ConstantScoreQuery(documents) { Boost = 0 }, Occur.MUST);
        }
        return within;
    }

    private static void Add(BooleanQuery query, Query? phrase)
    {
        // A phrasing that is all stop words in a language analyses to nothing there.
        if (phrase is not null)
        {
            query.Add(phrase, Occur.SHOULD);
        }
    }
}
