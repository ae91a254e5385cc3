namespace KnowledgeBase.Core.Ingestion.Chunking;

/// <summary>
/// The last clause number accepted, so the next numbered line is taken as a heading only if it continues the
/// sequence: a sibling at some level (allowing one gap), or the first child.
/// </summary>
internal sealed class NumberingState
{
    private int[] _last = [];
    private int _lastRoman;

    /// <summary>The annex or appendix whose sub-clauses (A.1, I.2) are expected, if any.</summary>
    public string? Annex { get; private set; }

    public bool TryAdvance(int[] number)
    {
        if (Annex is not null || !Continues(number))
        {
            return false;
        }
        _last = number;
        return true;
    }

    public bool TryAdvanceRoman(string roman)
    {
        var value = RomanValue(roman);
        if (value != _lastRoman + 1 && !(value == 1 && _lastRoman == 0))
        {
            return false;
        }
        _lastRoman = value;
        return true;
    }

    public void EnterAnnex(string id) => Annex = id;

    /// <summary>A named section such as the Bibliography ends any annex numbering.</summary>
    public void LeaveNumbering() => Annex = null;

    private bool Continues(int[] number)
    {
        if (_last.Length == 0)
        {
            return number[0] <= 3 && number.Skip(1).All(n => n == 1);
        }
        if (number.Length == _last.Length + 1 && number[^1] == 1 && number.Take(_last.Length).SequenceEqual(_last))
        {
            return true; // first child
        }
        if (number.Length > _last.Length)
        {
            return false;
        }
        var prefixLength = number.Length - 1;
        var samePrefix = number.Take(prefixLength).SequenceEqual(_last.Take(prefixLength));
        var step = number[^1] - _last[prefixLength];
        return samePrefix && step is 1 or 2;
    }

    private static int RomanValue(string roman)
    {
        var values = roman.Select(c => c switch { 'I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, 'C' => 100, _ => 0 }).ToArray();
        var total = 0;
        for (var i = 0; i < values.Length; i++)
        {
            total += i + 1 < values.Length && values[i] < values[i + 1] ? -values[i] : values[i];
        }
        return total;
    }
}
