using UglyToad.PdfPig.Content;

namespace KnowledgeBase.Core.Ingestion.Parsing.Pdf;

/// <summary>
/// Which whole points of the page's width each row's glyphs cover, as prefix sums, so whether a band is free in a row
/// is answered in constant time while <see cref="ColumnLayout"/> tries every candidate gutter position.
/// </summary>
internal sealed class RowOccupancy
{
    private readonly int[][] _covered;
    private readonly double[] _baselines;

    public RowOccupancy(IReadOnlyList<List<Letter>> rows)
    {
        var letters = rows.SelectMany(r => r).ToList();
        Left = Math.Floor(letters.Min(Start));
        Right = Math.Ceiling(letters.Max(End));
        var width = (int)(Right - Left) + 1;
        _covered = new int[rows.Count][];
        _baselines = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var marks = new bool[width];
            foreach (var letter in rows[i])
            {
                // The outline and the advance together: either may be the wider for a given font.
                for (var x = (int)Math.Floor(Start(letter) - Left); x < (int)Math.Ceiling(End(letter) - Left); x++)
                {
                    marks[x] = true;
                }
            }
            var sums = new int[width + 1];
            for (var x = 0; x < width; x++)
            {
                sums[x + 1] = sums[x] + (marks[x] ? 1 : 0);
            }
            _covered[i] = sums;
            _baselines[i] = rows[i].Average(l => l.StartBaseLine.Y);
        }
    }

    /// <summary>The leftmost x any glyph on the page reaches.</summary>
    public double Left { get; }

    /// <summary>The rightmost x any glyph on the page reaches.</summary>
    public double Right { get; }

    public double Baseline(int row) => _baselines[row];

    public bool IsFree(int row, Band band)
    {
        var sums = _covered[row];
        var from = Math.Clamp((int)Math.Floor(band.Start - Left), 0, sums.Length - 1);
        var to = Math.Clamp((int)Math.Ceiling(band.End - Left), 0, sums.Length - 1);
        return sums[to] == sums[from];
    }

    private static double Start(Letter letter) => Math.Min(letter.BoundingBox.Left, letter.StartBaseLine.X);

    private static double End(Letter letter) => Math.Max(letter.BoundingBox.Right, letter.EndBaseLine.X);
}
