using KnowledgeBase.Core.Indexing;
using Lucene.Net.Documents;

namespace KnowledgeBase.Core.Search;

/// <summary>Turns a stored passage into a search hit with its snippet.</summary>
internal static class StoredHit
{
    public static SearchHit Read(Document document, float score, SnippetBuilder snippets)
    {
        var clause = document.Get(IndexFields.Clause);
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
            Snippet: snippets.Build(document.Get(IndexFields.Body), document.Get(IndexFields.Language)),
            ChunkOrdinal: document.GetField(IndexFields.Ordinal).GetInt32Value() ?? 0)
        {
            Text = document.Get(IndexFields.Body),
        };
    }
}
