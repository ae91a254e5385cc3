namespace KnowledgeBase.Core.Ingestion.Chunking;

/// <summary>
/// Picks the clause numbers that are real headings: the longest subsequence of numbered lines in which each
/// continues the one before (a sibling at some level, allowing one gap, or the first child). A checklist
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

    private static bool Continues(int[] last, int[] next)
    {
        if (next.Length == last.Length + 1)
        {
            return next[^1] == 1 && SamePrefix(last, next, last.Length); // first child
        }
        if (next.Length > last.Length)
        {
            return false;
        }
        var level = next.Length - 1;
        var step = next[level] - last[level];
        return step is 1 or 2 && SamePrefix(last, next, level);
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
