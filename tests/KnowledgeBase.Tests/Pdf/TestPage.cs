using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace KnowledgeBase.Tests.Pdf;

/// <summary>One page being drawn; y is the baseline measured from the bottom of the A4 page (842 points high).</summary>
internal sealed class TestPage(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font)
{
    public TestPage Line(string text, double y, double x = TestPdf.Left, double fontSize = TestPdf.FontSize)
    {
        page.AddText(text, fontSize, new PdfPoint(x, y), font);
        return this;
    }

    /// <summary>Lines from <paramref name="y"/> down at the usual leading of the default font size.</summary>
    public TestPage Lines(double y, params string[] lines)
    {
        foreach (var line in lines)
        {
            Line(line, y);
            y -= TestPdf.FontSize * 1.3;
        }
        return this;
    }

    /// <summary>
    /// Draws each letter on its own, <paramref name="letterGap"/> ems apart and <paramref name="wordGap"/> ems apart
    /// at the spaces, the way spaced-out cover titles are set.
    /// </summary>
    public TestPage LetterSpaced(string text, double y, double fontSize, double letterGap, double wordGap)
    {
        var x = TestPdf.Left;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                x += (wordGap - letterGap) * fontSize;
                continue;
            }
            var drawn = page.AddText(c.ToString(), fontSize, new PdfPoint(x, y), font);
            x = drawn[^1].EndBaseLine.X + letterGap * fontSize;
        }
        return this;
    }

    /// <summary>One table row: each cell starts at the matching column position.</summary>
    public TestPage Row(double y, IReadOnlyList<double> columns, params string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            Line(cells[i], y, columns[i]);
        }
        return this;
    }

    /// <summary>A ruled line, as tables draw between rows and columns.</summary>
    public TestPage Rule(double x1, double y1, double x2, double y2)
    {
        page.DrawLine(new PdfPoint(x1, y1), new PdfPoint(x2, y2), 0.5);
        return this;
    }

    /// <summary>An outlined box, as a sidebar is framed.</summary>
    public TestPage Box(double x, double y, double width, double height)
    {
        page.DrawRectangle(new PdfPoint(x, y), width, height, 0.5, fill: false);
        return this;
    }

    public TestPage Png(byte[] png, double x, double y, double width, double height)
    {
        page.AddPng(png, new PdfRectangle(x, y, x + width, y + height));
        return this;
    }
}
