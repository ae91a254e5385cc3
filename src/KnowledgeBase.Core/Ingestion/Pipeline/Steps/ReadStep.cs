using System.Security.Cryptography;
using System.Text;

namespace KnowledgeBase.Core.Ingestion.Pipeline.Steps;

/// <summary>Reads the file, hashes it, gives it its stable id, and stops early if the index already has it.</summary>
internal sealed class ReadStep(IngestionCatalog catalog) : IIngestionStep
{
    public string Name => "read";

    public bool IsExclusive => false;

    public ValueTask ExecuteAsync(IngestionContext context, CancellationToken cancellationToken)
    {
        try
        {
            context.Content = File.ReadAllBytes(context.File.Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DocumentRejectedException($"cannot read file ({ex.Message.TrimEnd('.')})", ex);
        }
        context.ContentHash = Convert.ToHexStringLower(SHA256.HashData(context.Content.Span));
        context.DocumentId = DocumentIdFor(context.File.Source, context.ContentHash);
        context.Outcome = catalog.Check(context.File, context.ContentHash);
        return ValueTask.CompletedTask;
    }

    /// <summary>16 hex chars of SHA-256 over source and content: the same file always gets the same id.</summary>
    public static string DocumentIdFor(string source, string contentHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{source}\n{contentHash}")))[..16];
}
