using KnowledgeBase.Core.Indexing;
using Lucene.Net.Documents;
using Lucene.Net.Search;

namespace KnowledgeBase.Core.Search;

/// <summary>Turns a stored passage into a search hit with its snippet.</summary>
internal static class StoredHit
{
    /// <summary>The stored fields of passage <paramref name="doc"/> that <see cref="Read"/> uses, and no others.</summary>
    public static Document Load(IndexSearcher searcher, int doc)
    {
        var visitor = new PageFieldsVisitor();
        searcher.Doc(doc, visitor);
        return visitor.Document;
    }

    /// <summary>The hit of <paramref name="document"/>, number <paramref name="doc"/> in the snippets' reader when known.</summary>
    public static SearchHit Read(Document document, float score, SnippetBuilder snippets, int? doc = null)
    {
        var clause = document.Get(IndexFields.Clause);
        var text = document.Get(IndexFields.Body);
        return new SearchHit(
            DocumentId: document.Get(IndexFields.DocumentId),
            Title: document.Get(IndexFields.Title),
            Identifier: document.Get(IndexFields.DisplayIdentifier) is { Length: > 0 } identifier ? identifier : null,
            Source: document.Get(IndexFields.Source),
            Clause: string.IsNullOrEmpty(clause) ? null : clause,
            HeadingPath: document.Get(IndexFields.Heading),
            PageStart: document.GetField(IndexFields.PageStart).GetInt32Value() ?? 1,
            PageEnd: document.GetField(IndexFields.PageEnd).GetInt32Value() ?? 1,
            Score: score,
            Snippet: snippets.Build(text, document.Get(IndexFields.Language), doc),
            ChunkOrdinal: document.GetField(IndexFields.Ordinal).GetInt32Value() ?? 0)
        {
            Text = text,
        };
    }
}
