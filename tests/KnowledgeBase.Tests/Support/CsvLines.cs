using Microsoft.VisualBasic.FileIO;

namespace KnowledgeBase.Tests.Support;

/// <summary>
/// Reads CSV with .NET's own RFC 4180 parser (quoted fields, doubled quotes, line breaks inside quotes), so a
/// round trip checks what the product writes against a reader it did not write.
/// </summary>
internal static class CsvLines
{
    public static List<string[]> Parse(string csv)
    {
        using var parser = new TextFieldParser(new StringReader(csv.TrimStart('\uFEFF')))
        {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        parser.SetDelimiters(",");
        var lines = new List<string[]>();
        while (!parser.EndOfData)
        {
            lines.Add(parser.ReadFields()!);
        }
        return lines;
    }
}
