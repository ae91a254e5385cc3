namespace KnowledgeBase.Core.Ingestion.Chunking;

/// <summary>
/// What the clause detector has seen so far: the annex whose sub-clauses (A.1) are expected, and the last roman
/// part number, so that "II." is a heading only after "I.".
/// </summary>
internal sealed class NumberingState
{
    private int _lastRoman;

    /// <summary>The annex or appendix whose sub-clauses (A.1, I.2) are expected, if any.</summary>
    public string? Annex { get; private set; }

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
