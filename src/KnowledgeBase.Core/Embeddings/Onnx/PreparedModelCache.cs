using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;

namespace KnowledgeBase.Core.Embeddings.Onnx;

/// <summary>
/// Keeps the model as ONNX Runtime loads it (attention fused, weights quantised) and the built-in model's vocabulary
/// on disk between runs, in $XDG_CACHE_HOME/knowledgebase/models (else ~/.cache/…). Preparing them took 2.6 s of a
/// 5.5 s `kb search --mode hybrid` (0.7 s reading the package's resources, 1.9 s fusing and quantising, load ~10);
/// reading a kept entry takes milliseconds. An entry is keyed by the source file (path, size, time), the model id,
/// the precision and this build of the code (its module version id, which changes with the source), so a new model
/// or a changed quantiser never reads an old entry. A cache that cannot be written is simply not used.
/// </summary>
internal static class PreparedModelCache
{
    private const string ModelFile = "model.onnx";
    private const string VocabularyFile = "vocab.txt";
    private const string DescriptionFile = "prepared.json";

    /// <summary>
    /// The prepared model and vocabulary from the cache, or from <paramref name="prepare"/> (then kept);
    /// <paramref name="root"/> replaces the user's cache folder (tests).
    /// </summary>
    public static Prepared GetOrPrepare(string source, string modelId, string precision, Func<Prepared> prepare, string? root = null)
    {
        var folder = FolderFor(root ?? DefaultRoot(), source, modelId, precision);
        if (folder is not null && TryRead(folder) is { } kept)
        {
            return kept with { Folder = folder };
        }
        var prepared = prepare();
        if (folder is not null)
        {
            TryWrite(folder, prepared);
        }
        return folder is not null && Directory.Exists(folder) ? prepared with { Folder = folder } : prepared;
    }

    /// <summary>
    /// What loading a model needs: its bytes (null when read from the cache: ONNX Runtime reads the entry's file, or
    /// the optimised graph beside it), the id the index records, whether batches are unpadded, and the vocabulary when
    /// it is carried with the model; and the cache entry it was kept in, if any.
    /// </summary>
    internal sealed record Prepared(byte[]? Model, string ModelId, bool Unpadded, byte[]? Vocabulary, string? Folder = null)
    {
        /// <summary>A session of the prepared model, from its bytes or from the entry's file.</summary>
        public InferenceSession Load(SessionOptions options) =>
            Model is not null ? new InferenceSession(Model, options) : new InferenceSession(Path.Combine(Folder!, ModelFile), options);
    }

    private sealed record Description(string ModelId, bool Unpadded, bool HasVocabulary);

    private static string? DefaultRoot() =>
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
        : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home ? Path.Combine(home, ".cache")
        : null;

    private static string? FolderFor(string? root, string source, string modelId, string precision)
    {
        var file = new FileInfo(source);
        if (root is null || !file.Exists)
        {
            return null;
        }
        var code = typeof(PreparedModelCache).Assembly.ManifestModule.ModuleVersionId;
        // What the entry is for, then which version of it: writing a new version removes the older ones.
        var what = Hash($"{file.FullName}|{modelId}|{precision.ToLowerInvariant()}");
        var version = Hash($"{file.Length}|{file.LastWriteTimeUtc.Ticks}|{code}");
        return Path.Combine(root, "knowledgebase", "models", $"{what}-{version}");
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private static void RemoveOlderVersions(string folder)
    {
        var name = Path.GetFileName(folder);
        var what = name[..name.IndexOf('-', StringComparison.Ordinal)];
        foreach (var older in Directory.EnumerateDirectories(Path.GetDirectoryName(folder)!, $"{what}-*").Where(f => f != folder && !Path.GetFileName(f).Contains('.', StringComparison.Ordinal)))
        {
            Directory.Delete(older, recursive: true);
        }
    }

    private static Prepared? TryRead(string folder)
    {
        try
        {
            var description = JsonSerializer.Deserialize<Description>(File.ReadAllBytes(Path.Combine(folder, DescriptionFile)));
            if (description is null)
            {
                return null;
            }
            var vocabulary = description.HasVocabulary ? File.ReadAllBytes(Path.Combine(folder, VocabularyFile)) : null;
            // Not read here: once ONNX Runtime's optimised graph is kept beside it, the model itself is not needed.
            return File.Exists(Path.Combine(folder, ModelFile)) ? new Prepared(null, description.ModelId, description.Unpadded, vocabulary) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    // Written to a folder of its own and renamed into place, so a reader (another process starting at the same
    // time) sees a whole entry or none.
    private static void TryWrite(string folder, Prepared prepared)
    {
        var staging = $"{folder}.{Environment.ProcessId}.{Guid.NewGuid():n}";
        try
        {
            Directory.CreateDirectory(staging);
            File.WriteAllBytes(Path.Combine(staging, ModelFile), prepared.Model!); // freshly prepared: in memory
            if (prepared.Vocabulary is not null)
            {
                File.WriteAllBytes(Path.Combine(staging, VocabularyFile), prepared.Vocabulary);
            }
            File.WriteAllBytes(Path.Combine(staging, DescriptionFile),
                JsonSerializer.SerializeToUtf8Bytes(new Description(prepared.ModelId, prepared.Unpadded, prepared.Vocabulary is not null)));
            Directory.Move(staging, folder);
            RemoveOlderVersions(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another process kept the same entry first, or the cache cannot be written: this run goes without.
        }
        finally
        {
            try
            {
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Left for the next cleanup of the cache folder; nothing reads a staging folder.
            }
        }
    }
}
