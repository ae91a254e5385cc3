using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KnowledgeBase.Core.Embeddings;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace KnowledgeBase.Benchmarks;

/// <summary>
/// Where the built-in model's forward pass spends its time: loads it at <c>--precision</c>, saves the graph ONNX
/// Runtime optimised (op counts), runs <c>--runs</c> passes of <c>--rows</c> × <c>--length</c> tokens with ONNX
/// Runtime's profiler on one thread, and prints the time per op type and the CPU ms per passage.
/// Usage: embeddings-profile [--precision int8|fp32] [--rows 8] [--length 256] [--runs 20] [--no-arena] [--dump [--raw]]
/// </summary>
public static class GraphProfile
{
    public static int Run(string[] args)
    {
        var precision = Option(args, "--precision") ?? ModelPrecision.Quantized;
        var rows = Number(args, "--rows") ?? 8;
        var length = Number(args, "--length") ?? 256;
        var runs = Number(args, "--runs") ?? 20;
        var options = new EmbeddingOptions { Precision = precision }.Resolved();
        var (model, _) = BuiltinModel.Read();
        var (bytes, id, _) = ModelPrecision.Apply(model, BuiltinModel.Name, options);

        var folder = Directory.CreateTempSubdirectory("kb-profile-").FullName;
        var optimized = Path.Combine(folder, "optimized.onnx");
        using var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            EnableCpuMemArena = !args.Contains("--no-arena"), // as the product runs it; --no-arena as it did before
            OptimizedModelFilePath = optimized,
        };
        sessionOptions.EnableProfiling = true;
        sessionOptions.ProfileOutputPathPrefix = Path.Combine(folder, "profile");
        using var session = new InferenceSession(bytes, sessionOptions);

        var ops = ModelProto.Parser.ParseFrom(File.ReadAllBytes(optimized)).Graph.Node
            .GroupBy(n => n.OpType).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}");
        Console.WriteLine($"{id}: optimised graph ops: {string.Join(", ", ops)}");
        if (args.Contains("--dump"))
        {
            foreach (var node in ModelProto.Parser.ParseFrom(args.Contains("--raw") ? bytes : File.ReadAllBytes(optimized)).Graph.Node)
            {
                Console.WriteLine($"  {node.OpType} [{string.Join(", ", node.Input)}] -> [{string.Join(", ", node.Output)}] {string.Join(" ", node.Attribute.Select(a => a.Name + "=" + (a.Ints.Count > 0 ? string.Join(",", a.Ints) : a.I != 0 ? a.I.ToString(CultureInfo.InvariantCulture) : a.F.ToString(CultureInfo.InvariantCulture))))}");
            }
        }

        var random = new Random(11);
        var ids = Enumerable.Range(0, rows * length).Select(i => i % length == 0 ? 101L : random.Next(1000, 30000)).ToArray();
        var mask = Enumerable.Repeat(1L, ids.Length).ToArray();
        long[] shape = [rows, length];
        var names = session.InputMetadata.Keys.ToList();
        var cpu = TimeSpan.Zero;
        var system = TimeSpan.Zero;
        var process = Process.GetCurrentProcess();
        for (var run = 0; run < runs + 1; run++)
        {
            var inputs = names.Select(n => n switch
            {
                "input_ids" => OrtValue.CreateTensorValueFromMemory(ids, shape),
                "attention_mask" => OrtValue.CreateTensorValueFromMemory(mask, shape),
                _ => OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape),
            }).ToList();
            process.Refresh();
            var before = process.TotalProcessorTime;
            var systemBefore = process.PrivilegedProcessorTime;
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, names, inputs, [session.OutputNames[0]]);
            process.Refresh();
            if (run > 0)
            {
                cpu += process.TotalProcessorTime - before; // the first pass warms up
                system += process.PrivilegedProcessorTime - systemBefore;
            }
            inputs.ForEach(v => v.Dispose());
        }
        var trace = session.EndProfiling();
        var byOp = new Dictionary<string, double>();
        using (var json = JsonDocument.Parse(File.ReadAllText(trace)))
        {
            foreach (var e in json.RootElement.EnumerateArray())
            {
                if (e.GetProperty("cat").GetString() == "Node" && e.TryGetProperty("args", out var a)
                    && a.TryGetProperty("op_name", out var op) && e.GetProperty("name").GetString()!.EndsWith("_kernel_time", StringComparison.Ordinal))
                {
                    byOp[op.GetString()!] = byOp.GetValueOrDefault(op.GetString()!) + e.GetProperty("dur").GetDouble();
                }
            }
        }
        var total = byOp.Values.Sum();
        foreach (var (op, us) in byOp.OrderByDescending(p => p.Value))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {op,-32} {us / 1000 / (runs + 1) / rows,8:F2} ms/passage {100 * us / total,5:F1}%"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{id}: {rows}×{length} tokens, CPU {cpu.TotalMilliseconds / runs / rows:F1} ms/passage (system {system.TotalMilliseconds / runs / rows:F1}; kernels {total / 1000 / (runs + 1) / rows:F1})"));
        File.Delete(trace);
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    private static string? Option(string[] args, string name) =>
        args.Select((a, i) => (a, i)).Where(p => p.a == name && p.i + 1 < args.Length).Select(p => args[p.i + 1]).FirstOrDefault();

    private static int? Number(string[] args, string name) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;
}
