using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Ingestion.Parsing;

/// <summary>Turns the bytes of one file of a given media type into text with pages and structure.</summary>
public interface IDocumentParser
{
    /// <summary>The media types this parser reads, such as "application/pdf".</summary>
    IReadOnlyCollection<string> MediaTypes { get; }

    /// <summary>
    /// Parses <paramref name="content"/>. Throws <see cref="DocumentRejectedException"/> when the file cannot be read
    /// (corrupt, encrypted, empty); the message is shown to the user as the reason.
    /// </summary>
    ExtractedDocument Parse(ReadOnlyMemory<byte> content, string fileName, CancellationToken cancellationToken);
}
