using System.Diagnostics;
using System.Globalization;
using KnowledgeBase.Core.Configuration;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Embeddings.Onnx;
using KnowledgeBase.Core.Ingestion.Chunking;
using KnowledgeBase.Core.Ingestion.Parsing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Benchmarks;

/// <summary>
/// How fast the built-in model embeds the real passages of a fixed set of PDFs — parsed and chunked as ingestion does,
/// each passage with its title and heading path — with <c>--parallel</c> documents at once and <c>--threads</c> a
/// forward pass, as ingestion calls it. Prints one Markdown table row (the header with <c>--header</c>).
/// Usage: embeddings [--pdf FILE]… [--precision int8|fp32] [--max-tokens N] [--threads N] [--parallel N] [--header]
/// [--against fp32] (also: cosine of each passage's vector to the other precision's, on up to 400 passages)
/// Default PDFs: the repository's sample corpus (corpus/: NIST SP 800-61r2, SP 800-150, CSF 1.1), in every clone.
/// </summary>
public static class EmbeddingThroughput
{
    public static int Run(string[] args)
    {
        var root = FindRepoRoot();
        var pdfs = Options(args, "--pdf").ToList();
        if (pdfs.Count == 0)
        {
            pdfs = [.. Directory.GetFiles(Path.Combine(root, "corpus"), "*.pdf").Order(StringComparer.Ordinal)];
        }
        var parallel = Number(args, "--parallel") ?? Environment.ProcessorCount;
        var options = new EmbeddingOptions
        {
            Precision = Option(args, "--precision"),
            MaxTokens = Number(args, "--max-tokens"),
            Threads = Number(args, "--threads") ?? 1,
        };
        var resolved = options.Resolved();

        var documents = Passages(pdfs);
        var (_, vocabulary) = BuiltinModel.Read();
        var tokenizer = ModelTokenizer.WordPiece(vocabulary, lowerCase: true);
        var passages = documents.Sum(d => d.Count);
        var tokens = documents.SelectMany(d => d).Sum(p => (long)tokenizer.Encode(p, resolved.MaxTokens!.Value).Length);

        var loading = Stopwatch.StartNew();
        using var generator = EmbeddingGeneratorFactory.Create(options);
        var embedder = new PassageEmbedder(generator, options);
        embedder.EmbedPassagesAsync(documents[0].Take(8).ToList(), CancellationToken.None).GetAwaiter().GetResult();
        var loadSeconds = loading.Elapsed.TotalSeconds;

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = parallel },
            document => embedder.EmbedPassagesAsync(document, CancellationToken.None).GetAwaiter().GetResult());
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;

        const int queries = 50;
        clock.Restart();
        for (var i = 0; i < queries; i++)
        {
            embedder.EmbedQueryAsync("incident response plan for ransomware", CancellationToken.None).GetAwaiter().GetResult();
        }
        var queryMs = clock.Elapsed.TotalMilliseconds / queries;

        if (Option(args, "--against") is { } reference)
        {
            Console.WriteLine(Agreement(embedder, options, reference, documents.SelectMany(d => d).Take(400).ToList()));
        }
        if (args.Contains("--header"))
        {
            Console.WriteLine("| model | max tokens | threads × parallel | passages | mean tokens | load s | passages/s | tokens/s | " +
                "CPU ms/passage | passages/s per core (CPU) | query ms | peak working set MB |");
            Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        }
        // On a shared machine the wall clock depends on the neighbours; CPU time per passage much less so.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {embedder.ModelId} | {resolved.MaxTokens} | {options.Threads} × {parallel} | {passages} | {(double)tokens / passages:F0} | " +
            $"{loadSeconds:F1} | {passages / seconds:F1} | {tokens / seconds:F0} | {1000 * cpuSeconds / passages:F1} | " +
            $"{passages / cpuSeconds:F1} | {queryMs:F1} | {process.PeakWorkingSet64 / (1024 * 1024)} |"));
        return 0;
    }

    /// <summary>How far this model's vectors are from those of the same model at another precision, on the same passages.</summary>
    private static string Agreement(PassageEmbedder embedder, EmbeddingOptions options, string precision, List<string> passages)
    {
        var referenceOptions = options.Resolved();
        referenceOptions.Precision = precision;
        using var generator = EmbeddingGeneratorFactory.Create(referenceOptions);
        var other = new PassageEmbedder(generator, referenceOptions);
        var mine = embedder.EmbedPassagesAsync(passages, CancellationToken.None).GetAwaiter().GetResult();
        var theirs = other.EmbedPassagesAsync(passages, CancellationToken.None).GetAwaiter().GetResult();
        var cosines = mine.Zip(theirs, (a, b) => System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a, b)).Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{embedder.ModelId} against {other.ModelId} on {passages.Count} passages: cosine mean {cosines.Average():F4}, " +
            $"5th percentile {cosines[cosines.Count / 20]:F4}, min {cosines[0]:F4}");
    }

    /// <summary>Each PDF's passages as ingestion embeds them: chunked by the default rules, title and headings first.</summary>
    private static List<List<string>> Passages(IEnumerable<string> pdfs)
    {
        using var services = new ServiceCollection().AddKnowledgeBase().BuildServiceProvider();
        var parsers = services.GetRequiredService<ParserRegistry>();
        var chunker = services.GetRequiredService<StructureChunker>();
        return pdfs.Select(pdf =>
        {
            var document = parsers.Parse(File.ReadAllBytes(pdf), pdf, CancellationToken.None);
            var title = document.Title ?? Path.GetFileNameWithoutExtension(pdf);
            return chunker.Chunk(document).Select(c => EmbeddingText.For(title, c.HeadingPath, c.Text)).ToList();
        }).Where(d => d.Count > 0).ToList();
    }

    private static IEnumerable<string> Options(string[] args, string name) =>
        args.Select((a, i) => (a, i)).Where(p => p.a == name && p.i + 1 < args.Length).Select(p => args[p.i + 1]);

    private static string? Option(string[] args, string name) => Options(args, name).FirstOrDefault();

    private static int? Number(string[] args, string name) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KnowledgeBase.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}
