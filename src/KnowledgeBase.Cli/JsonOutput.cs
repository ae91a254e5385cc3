using System.Text.Encodings.Web;
using System.Text.Json;

namespace KnowledgeBase.Cli;

internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Compact = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonSerializerOptions Indented = new(Compact) { WriteIndented = true };

    public static void Write<T>(T value, bool indented = true) =>
        Console.Out.WriteLine(JsonSerializer.Serialize(value, indented ? Indented : Compact));
}
