using KnowledgeBase.Core.Ingestion.Parsing;

namespace KnowledgeBase.Core.Ingestion.Pipeline.Steps;

/// <summary>Parses the bytes with the parser for their sniffed media type.</summary>
internal sealed class ExtractStep(ParserRegistry parsers) : IIngestionStep
{
    public string Name => "extract";

    public bool IsExclusive => false;

    public ValueTask ExecuteAsync(IngestionContext context, CancellationToken cancellationToken)
    {
        var extracted = parsers.Parse(context.Content, context.File.Path, cancellationToken);
        if (string.IsNullOrWhiteSpace(extracted.Text) && !extracted.Pages.Any(p => p.IsImageOnly))
        {
            throw new DocumentRejectedException("no text could be extracted");
        }
        context.Extracted = extracted;
        return ValueTask.CompletedTask;
    }
}
