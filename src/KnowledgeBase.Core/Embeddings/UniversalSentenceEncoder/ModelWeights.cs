using System.Runtime.InteropServices;
using System.Text.Json;

namespace KnowledgeBase.Core.Embeddings;

/// <summary>
/// The named tensors of a TensorFlow.js graph model: model.json's weightsManifest says which shard files, in order,
/// hold which tensors (name, shape, dtype), packed back to back as little-endian 4-byte values.
/// </summary>
internal sealed class ModelWeights
{
    private readonly Dictionary<string, (int[] Shape, float[]? Floats, int[]? Ints)> _tensors;

    private ModelWeights(Dictionary<string, (int[] Shape, float[]? Floats, int[]? Ints)> tensors) => _tensors = tensors;

    /// <exception cref="FileNotFoundException">model.json or a shard is missing.</exception>
    /// <exception cref="InvalidDataException">model.json is not a graph model manifest or a shard has the wrong size.</exception>
    public static ModelWeights Load(string distFolder)
    {
        var manifestPath = Path.Combine(distFolder, "model.json");
        RequireFile(manifestPath);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{manifestPath} is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            if (!document.RootElement.TryGetProperty("weightsManifest", out var groups))
            {
                throw new InvalidDataException($"{manifestPath} has no weightsManifest; is it a TensorFlow.js graph model?");
            }
            var tensors = new Dictionary<string, (int[], float[]?, int[]?)>(StringComparer.Ordinal);
            foreach (var group in groups.EnumerateArray())
            {
                ReadGroup(distFolder, group, tensors);
            }
            return new ModelWeights(tensors);
        }
    }

    public float[] Floats(string name, params int[] shape) =>
        Get(name, shape).Floats ?? throw new InvalidDataException($"model weight {name} is not float32");

    public float Scalar(string name) => Floats(name)[0];

    public int Int(string name) =>
        (Get(name).Ints ?? throw new InvalidDataException($"model weight {name} is not int32"))[0];

    private (int[] Shape, float[]? Floats, int[]? Ints) Get(string name, int[]? shape = null)
    {
        if (!_tensors.TryGetValue(name, out var tensor))
        {
            throw new InvalidDataException($"the model has no weight named {name}; is it Universal Sentence Encoder lite?");
        }
        if (shape is { Length: > 0 } && !tensor.Shape.SequenceEqual(shape))
        {
            throw new InvalidDataException(
                $"model weight {name} has shape [{string.Join(',', tensor.Shape)}], expected [{string.Join(',', shape)}]");
        }
        return tensor;
    }

    private static void ReadGroup(string distFolder, JsonElement group, Dictionary<string, (int[], float[]?, int[]?)> tensors)
    {
        var paths = group.GetProperty("paths").EnumerateArray().Select(p => Path.Combine(distFolder, p.GetString()!)).ToList();
        foreach (var path in paths)
        {
            RequireFile(path);
        }
        var data = new byte[paths.Sum(p => new FileInfo(p).Length)];
        var offset = 0;
        foreach (var path in paths)
        {
            var bytes = File.ReadAllBytes(path);
            bytes.CopyTo(data, offset);
            offset += bytes.Length;
        }

        var position = 0;
        foreach (var weight in group.GetProperty("weights").EnumerateArray())
        {
            var name = weight.GetProperty("name").GetString()!;
            var shape = weight.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
            var dtype = weight.GetProperty("dtype").GetString();
            var count = shape.Aggregate(1, (product, d) => product * d);
            var bytes = count * 4;
            if (position + bytes > data.Length)
            {
                throw new InvalidDataException(
                    $"the shards {string.Join(", ", paths.Select(Path.GetFileName))} hold {data.Length} bytes, too few for {name}: corrupt or truncated download");
            }
            var span = data.AsSpan(position, bytes);
            tensors[name] = dtype switch
            {
                "float32" => (shape, MemoryMarshal.Cast<byte, float>(span).ToArray(), null),
                "int32" => (shape, null, MemoryMarshal.Cast<byte, int>(span).ToArray()),
                _ => throw new InvalidDataException($"model weight {name} has dtype {dtype}; only float32 and int32 are read"),
            };
            position += bytes;
        }
        if (position != data.Length)
        {
            throw new InvalidDataException(
                $"the shards {string.Join(", ", paths.Select(Path.GetFileName))} hold {data.Length} bytes where model.json describes {position}: corrupt download");
        }
    }

    private static void RequireFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"the built-in embedding model file {path} is missing; run tools/fetch-model.sh to download it", path);
        }
    }
}
