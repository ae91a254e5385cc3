namespace KnowledgeBase.Core.Ingestion.Chunking;

/// <summary>
/// Picks the clause numbers that are real headings: the longest subsequence of numbered lines in which each
/// continues the one before (see <see cref="Continues"/>). A checklist
/// "4. … 9." inside clause 3.5, or a footnote "5 …" after 3.4, loses to the longer chain 3.5, 3.6, 4, 4.1 …
/// that it would otherwise cut.
/// </summary>
internal static class NumberingChain
{
    // How far back a line looks for its predecessor; bounds the work on long lists.
    private const int Window = 400;

    /// <summary>Indexes into <paramref name="numbers"/> of the chosen headings, in order.</summary>
    public static IReadOnlyList<int> Longest(IReadOnlyList<int[]> numbers)
    {
        var length = new int[numbers.Count];
        var previous = new int[numbers.Count];
        var best = -1;
        for (var j = 0; j < numbers.Count; j++)
        {
            length[j] = IsStart(numbers[j]) ? 1 : 0;
            previous[j] = -1;
            for (var i = Math.Max(0, j - Window); i < j; i++)
            {
                if (length[i] > 0 && length[i] + 1 > length[j] && Continues(numbers[i], numbers[j]))
                {
                    length[j] = length[i] + 1;
                    previous[j] = i;
                }
            }
            if (length[j] > 0 && (best < 0 || length[j] > length[best]))
            {
                best = j;
            }
        }
        var chain = new List<int>();
        for (var k = best; k >= 0; k = previous[k])
        {
            chain.Add(k);
        }
        chain.Reverse();
        return chain;
    }

    private static bool IsStart(int[] number)
    {
        if (number[0] > 3)
        {
            return false;
        }
        for (var i = 1; i < number.Length; i++)
        {
            if (number[i] != 1)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// True for a first child (6.2 → 6.2.1, or two levels down to 6.2.1.1), and for the next sibling at some level
    /// with one gap allowed, opening at its first sub-clause if deeper (6.2.3 → 6.3, 7, 6.3.1; 1-1-3 → 1-2-1).
    /// </summary>
    private static bool Continues(int[] last, int[] next)
    {
        if (next.Length > last.Length && SamePrefix(last, next, last.Length))
        {
            return next.Length - last.Length <= 2 && AllOnes(next, last.Length);
        }
        var level = 0;
        while (level < next.Length && level < last.Length && next[level] == last[level])
        {
            level++;
        }
        if (level >= next.Length || level >= last.Length)
        {
            return false;
        }
        return next[level] - last[level] is 1 or 2 && AllOnes(next, level + 1);
    }

    private static bool AllOnes(int[] number, int from)
    {
        for (var i = from; i < number.Length; i++)
        {
            if (number[i] != 1)
            {
                return false;
            }
        }
        return true;
    }

    private static bool SamePrefix(int[] a, int[] b, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }
        return true;
    }
}
