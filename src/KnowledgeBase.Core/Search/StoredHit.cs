using Lucene.Net.Search;

namespace KnowledgeBase.Core.Search;

/// <summary>Turns a stored passage into a search hit with its snippet.</summary>
internal static class StoredHit
{
    /// <summary>The stored fields of passage <paramref name="doc"/> that <see cref="Read"/> uses, from <paramref name="cache"/> when it holds them.</summary>
    public static ShownPassage Load(IndexSearcher searcher, int doc, ShownPassageCache? cache = null) =>
        (cache ?? ShownPassageCache.Shared).Get(searcher, doc);

    /// <summary>The hit of <paramref name="passage"/>, number <paramref name="doc"/> in the snippets' reader when known.</summary>
    public static SearchHit Read(ShownPassage passage, float score, SnippetBuilder snippets, int? doc = null) =>
        new(passage.DocumentId, passage.Title, passage.Identifier, passage.Source, passage.Clause, passage.HeadingPath,
            passage.PageStart, passage.PageEnd, score, snippets.BuildFlat(passage.FlatText, passage.Language, doc), passage.ChunkOrdinal)
        {
            Text = passage.Text,
        };
}
