using KnowledgeBase.Api.Configuration;
using KnowledgeBase.Api.Http;
using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Ingestion;
using KnowledgeBase.Core.Ingestion.Parsing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KnowledgeBase.Api.Jobs;

/// <summary>
/// Streams a multipart upload to disk file by file, refusing (and removing everything) on the first file that is
/// too large (413), of an unsupported type (415) or with invalid metadata (400). A file part may be followed or
/// preceded by a part named "{file name}.meta" holding its sidecar metadata JSON.
/// </summary>
internal sealed class UploadReader(DataFolders folders, IOptions<ServiceOptions> options)
{
    public const string MetadataSuffix = ".meta";
    private const int MaxMetadataBytes = 64 * 1024;
    private const int SniffBytes = 8192;

    /// <summary>Reads the upload into data/uploads/{jobId}; the files it returns are queued, nothing is parsed yet.</summary>
    public async Task<IReadOnlyList<JobFile>> ReadAsync(HttpRequest request, string jobId, CancellationToken cancellationToken)
    {
        var boundary = Boundary(request);
        var limit = options.Value.MaxUploadBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            // Kestrel's 30 MB default would cut large PDFs off; each file is held to MaxUploadBytes below.
            size.MaxRequestBodySize = limit * 10;
        }
        var folder = UploadFolders.JobFolder(folders, jobId);
        try
        {
            var files = new List<JobFile>();
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    throw ApiProblemException.Invalid("body", "every part needs a Content-Disposition: form-data header");
                }
                var partName = disposition.Name.Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    var clientName = (disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : disposition.FileName.Value) ?? "";
                    var stored = Path.Combine(folder, files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), UploadFolders.SafeName(clientName));
                    await SaveAsync(section.Body, stored, clientName, limit, cancellationToken);
                    files.Add(new JobFile(clientName.Length == 0 ? Path.GetFileName(stored) : clientName, stored, JobFileState.Queued));
                }
                else if (partName.EndsWith(MetadataSuffix, StringComparison.Ordinal))
                {
                    metadata[partName[..^MetadataSuffix.Length]] = await ReadTextAsync(section, partName, cancellationToken);
                }
                else
                {
                    throw ApiProblemException.Invalid(partName, $"unknown form part; send files, and metadata as parts named \"{{file name}}{MetadataSuffix}\"");
                }
            }
            if (files.Count == 0)
            {
                throw ApiProblemException.Invalid("files", "the upload holds no file");
            }
            foreach (var (fileName, json) in metadata)
            {
                var file = files.FirstOrDefault(f => f.Name == fileName)
                    ?? throw ApiProblemException.Invalid(fileName + MetadataSuffix, $"no uploaded file is named \"{fileName}\"");
                WriteSidecar(file, json);
            }
            return files;
        }
        catch
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
            throw;
        }
    }

    private static string Boundary(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiProblemException.Unsupported("body", "send the files as multipart/form-data");
        }
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        return string.IsNullOrWhiteSpace(boundary)
            ? throw ApiProblemException.Invalid("body", "the multipart Content-Type has no boundary")
            : boundary;
    }

    private static async Task SaveAsync(Stream body, string path, string clientName, long limit, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var target = File.Create(path))
        {
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    throw ApiProblemException.TooLarge($"{clientName}: larger than the limit of {limit} bytes (KnowledgeBase:MaxUploadBytes)");
                }
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        try
        {
            MediaTypeSniffer.Sniff(await HeadAsync(path, cancellationToken), clientName);
        }
        catch (DocumentRejectedException ex) when (!ex.Message.StartsWith("corrupt", StringComparison.Ordinal))
        {
            // A corrupt file of a supported kind is accepted: it fails its own job entry with the parser's reason.
            throw ApiProblemException.Unsupported(clientName, ex.Message);
        }
    }

    /// <summary>Enough of the file to tell its type: the start, or all of it for a ZIP (a .docx is told by its entries).</summary>
    private static async Task<byte[]> HeadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var head = new byte[(int)Math.Min(stream.Length, SniffBytes)];
        await stream.ReadExactlyAsync(head, cancellationToken);
        return head.AsSpan().StartsWith("PK"u8) ? await File.ReadAllBytesAsync(path, cancellationToken) : head;
    }

    private static async Task<string> ReadTextAsync(MultipartSection section, string partName, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(section.Body);
        var buffer = new char[MaxMetadataBytes + 1];
        var length = await text.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        return length > MaxMetadataBytes
            ? throw ApiProblemException.Invalid(partName, $"metadata longer than {MaxMetadataBytes} characters")
            : new string(buffer, 0, length);
    }

    /// <summary>Writes the metadata where ingestion looks for a sidecar, and checks it now so the client hears of errors.</summary>
    private static void WriteSidecar(JobFile file, string json)
    {
        File.WriteAllText(SidecarMetadata.PathFor(file.StoredPath), json);
        try
        {
            SidecarMetadata.Load(file.StoredPath);
        }
        catch (SidecarMetadataException ex)
        {
            throw ApiProblemException.Invalid(file.Name + MetadataSuffix, ex.Message);
        }
    }
}
