using KnowledgeBase.Core.Documents.Languages;
using KnowledgeBase.Core.Documents.Metadata;

namespace KnowledgeBase.Core.Ingestion.Pipeline.Steps;

/// <summary>
/// Works out what the document is: metadata from its cover and file name, overridden by a NAME.meta.json sidecar,
/// and the language of the document and of each chunk. Missing metadata only warns; a malformed sidecar stops the
/// file with the sidecar's name and field.
/// </summary>
internal sealed class DescribeStep(LanguageDetector languages) : IIngestionStep
{
    // Chunks shorter than this take the document's language: a few words are not enough to tell.
    private const int MinCharsToDetect = 120;

    public string Name => "describe";

    public bool IsExclusive => false;

    public ValueTask ExecuteAsync(IngestionContext context, CancellationToken cancellationToken)
    {
        var extracted = context.Extracted!;
        var fileName = Path.GetFileName(context.File.Path);
        var found = MetadataExtractor.Extract(fileName, extracted.Text, extracted.Title, extracted.PageCount);
        var metadata = found.Metadata;
        try
        {
            if (SidecarMetadata.Load(context.File.Path) is { } sidecar)
            {
                metadata = SidecarMetadata.Merge(metadata, sidecar);
            }
        }
        catch (SidecarMetadataException ex)
        {
            throw new DocumentRejectedException(ex.Message, ex);
        }
        var language = languages.DetectDominant(LanguageDetector.Sample(extracted.Text)) ?? metadata.Language;
        context.Metadata = metadata;
        context.Language = language;
        context.MetadataWarnings = found.Warnings;
        context.Chunks = context.Chunks
            .Select(c => c with { Language = c.Text.Length >= MinCharsToDetect ? languages.Detect(c.Text) ?? language : language })
            .ToList();
        return ValueTask.CompletedTask;
    }
}
