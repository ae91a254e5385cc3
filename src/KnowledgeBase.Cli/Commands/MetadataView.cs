using System.Text.Json;
using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Search;
using Spectre.Console;

namespace KnowledgeBase.Cli.Commands;

/// <summary>A document's metadata as a two-column table, and its edition chain newest first.</summary>
internal static class MetadataView
{
    public static void Write(DocumentMetadata metadata, IReadOnlyList<Edition> chain, string documentId)
    {
        var table = new Table().Title("Metadata").AddColumns("Field", "Value").HideHeaders();
        // Every field that has a value, in declaration order, so new fields show without touching this view.
        foreach (var property in JsonSerializer.SerializeToElement(metadata, JsonOutput.Compact).EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.Null || (property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() == 0))
            {
                continue;
            }
            var value = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.Array => string.Join(", ", property.Value.EnumerateArray().Select(v => v.ToString())),
                _ => property.Value.ToString(),
            };
            table.AddRow(Markup.Escape(property.Name), Markup.Escape(value));
        }
        AnsiConsole.Write(table);
        if (chain.Count > 0)
        {
            var editions = new Table().Title("Edition chain").AddColumns("Document", "Identifier", "Approved", "Status");
            foreach (var edition in chain)
            {
                var marker = edition.DocumentId == documentId ? " ◀" : "";
                var identifier = edition.ModificationKind is null ? edition.Identifier : $"{edition.Identifier} ({edition.ModificationKind})";
                editions.AddRow(edition.DocumentId + marker, Markup.Escape(identifier), edition.ApprovalDate ?? "", edition.Status);
            }
            AnsiConsole.Write(editions);
        }
    }
}
