using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Ingestion.Parsing;

/// <summary>Chooses the parser for a file by its sniffed media type.</summary>
public sealed class ParserRegistry
{
    private readonly Dictionary<string, IDocumentParser> _byMediaType = new(StringComparer.OrdinalIgnoreCase);

    public ParserRegistry(IEnumerable<IDocumentParser> parsers)
    {
        foreach (var parser in parsers)
        {
            foreach (var mediaType in parser.MediaTypes)
            {
                _byMediaType[mediaType] = parser;
            }
        }
    }

    /// <summary>Sniffs and parses; throws <see cref="DocumentRejectedException"/> with the reason on failure.</summary>
    public ExtractedDocument Parse(ReadOnlyMemory<byte> content, string fileName, CancellationToken cancellationToken)
    {
        var mediaType = MediaTypeSniffer.Sniff(content.Span, fileName);
        if (!_byMediaType.TryGetValue(mediaType, out var parser))
        {
            throw new DocumentRejectedException($"no parser for {mediaType}");
        }
        return parser.Parse(content, fileName, cancellationToken);
    }
}
