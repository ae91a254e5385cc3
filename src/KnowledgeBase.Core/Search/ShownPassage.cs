using KnowledgeBase.Core.Indexing;
using Lucene.Net.Documents;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// The stored fields of a passage that a search hit shows (<see cref="PageFieldsVisitor"/> reads them), and its text on
/// one line for snippets, made once for as long as <see cref="ShownPassageCache"/> holds the passage.
/// </summary>
internal sealed record ShownPassage(
    string DocumentId,
    string Title,
    string? Identifier,
    string Source,
    string? Clause,
    string HeadingPath,
    int PageStart,
    int PageEnd,
    int ChunkOrdinal,
    string Text,
    string? Language)
{
    /// <summary><see cref="Text"/> as <see cref="SnippetBuilder.Flatten"/> makes it.</summary>
    public string FlatText { get; } = SnippetBuilder.Flatten(Text);

    public static ShownPassage Of(Document document)
    {
        var clause = document.Get(IndexFields.Clause);
        return new ShownPassage(
            DocumentId: document.Get(IndexFields.DocumentId),
            Title: document.Get(IndexFields.Title),
            Identifier: document.Get(IndexFields.DisplayIdentifier) is { Length: > 0 } identifier ? identifier : null,
            Source: document.Get(IndexFields.Source),
            Clause: string.IsNullOrEmpty(clause) ? null : clause,
            HeadingPath: document.Get(IndexFields.Heading),
            PageStart: document.GetField(IndexFields.PageStart).GetInt32Value() ?? 1,
            PageEnd: document.GetField(IndexFields.PageEnd).GetInt32Value() ?? 1,
            ChunkOrdinal: document.GetField(IndexFields.Ordinal).GetInt32Value() ?? 0,
            Text: document.Get(IndexFields.Body),
            Language: document.Get(IndexFields.Language));
    }
}
