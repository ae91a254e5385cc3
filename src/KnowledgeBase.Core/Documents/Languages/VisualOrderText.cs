using System.Text;

namespace KnowledgeBase.Core.Documents.Languages;

/// <summary>
/// Puts text read off a page in visual order (glyphs sorted left to right by position, as PdfPig returns them, see
/// PdfPig issue 594) back into logical order for right-to-left scripts: Arabic and Hebrew runs are reversed, while
/// Latin words and numbers inside them keep their own left-to-right order. A cut-down Unicode bidi algorithm (UAX #9
/// rules W/N/I/L2 with levels 0–2 and no explicit embeddings), which is all a line of extracted text needs.
/// Arabic presentation forms (the contextual letter shapes some PDFs map their glyphs to) become base letters, so
/// the words are searchable.
/// </summary>
internal static class VisualOrderText
{
    private enum Kind
    {
        RightToLeft,
        LeftToRight,
        Number,
        Neutral,
    }

    /// <summary>
    /// The logical text of words given in visual order, each word as its glyph texts from left to right. A glyph's
    /// own text is never reversed: a ligature such as lam-alef maps to its letters already in logical order.
    /// Words without right-to-left letters come back exactly as <c>string.Join(' ', words)</c>.
    /// </summary>
    public static string ToLogical(IReadOnlyList<IReadOnlyList<string>> words)
    {
        if (!words.Any(w => w.Any(ContainsRightToLeft)))
        {
            return string.Join(' ', words.Select(w => string.Concat(w)));
        }
        var tokens = new List<(string Text, Kind Kind)>();
        foreach (var word in words)
        {
            if (tokens.Count > 0)
            {
                tokens.Add((" ", Kind.Neutral));
            }
            tokens.AddRange(word.Select(glyph => (glyph, Classify(glyph))));
        }
        JoinNumberSeparators(tokens);
        var levels = ResolveLevels(tokens, IsMostlyRightToLeft(words.SelectMany(w => w)));
        var order = Enumerable.Range(0, tokens.Count).ToArray();
        // UAX #9 L2: from the highest level down to the lowest odd one, reverse every run at that level or above.
        for (var level = levels.Max(); level >= 1; level--)
        {
            ReverseRunsAtOrAbove(order, levels, level);
        }
        var text = new StringBuilder();
        foreach (var i in order)
        {
            text.Append(levels[i] % 2 == 1 ? Mirror(tokens[i].Text) : tokens[i].Text);
        }
        return string.Join(' ', text.ToString().Split(' ').Select(NormalizeWord));
    }

    /// <summary>True when right-to-left letters outnumber the other letters, so the text reads from the right.</summary>
    public static bool IsMostlyRightToLeft(IEnumerable<string> texts)
    {
        var rightToLeft = 0;
        var other = 0;
        foreach (var c in texts.SelectMany(t => t))
        {
            if (Scripts.IsRightToLeft(c))
            {
                rightToLeft++;
            }
            else if (char.IsLetter(c))
            {
                other++;
            }
        }
        return rightToLeft > other;
    }

    public static bool ContainsRightToLeft(string text) => text.Any(Scripts.IsRightToLeft);

    private static Kind Classify(string glyph) =>
        ContainsRightToLeft(glyph) ? Kind.RightToLeft
        : glyph.Any(char.IsLetter) ? Kind.LeftToRight
        : glyph.Any(char.IsDigit) ? Kind.Number
        : Kind.Neutral;

    /// <summary>
    /// UAX #9 W4/W5: a separator between two digits ("1-1-1", "2.5", "27,001") and a percent sign next to one are
    /// part of the number, so the number is not split and reversed around them.
    /// </summary>
    private static void JoinNumberSeparators(List<(string Text, Kind Kind)> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var text = tokens[i].Text;
            if (tokens[i].Kind == Kind.Neutral
                && ((text is "-" or "+" or "," or "." or ":" or "/" or "\u060C" && IsNumberAt(i - 1) && IsNumberAt(i + 1))
                    || (text is "%" or "\u066A" && (IsNumberAt(i - 1) || IsNumberAt(i + 1)))))
            {
                tokens[i] = (text, Kind.Number);
            }
        }

        bool IsNumberAt(int index) => index >= 0 && index < tokens.Count && tokens[index].Kind == Kind.Number;
    }

    private static int[] ResolveLevels(List<(string Text, Kind Kind)> tokens, bool rightToLeftBase)
    {
        var baseDirection = rightToLeftBase ? 1 : 0;
        // 1 for right to left, 0 for left to right, -1 for neutral. A number goes with Latin text next to it
        // (UAX #9 W7: "ISO 27001") and with Arabic text around it; otherwise it follows the line.
        var directions = new int[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            directions[i] = tokens[i].Kind switch
            {
                Kind.RightToLeft => 1,
                Kind.LeftToRight => 0,
                Kind.Number when rightToLeftBase => IsNextTo(tokens, i, Kind.LeftToRight) ? 0 : 1,
                Kind.Number => IsNextTo(tokens, i, Kind.LeftToRight) ? 0 : IsNextTo(tokens, i, Kind.RightToLeft) ? 1 : 0,
                _ => -1,
            };
        }
        // N1/N2: a neutral between two runs of the same direction takes it; otherwise the line's base direction.
        var resolved = (int[])directions.Clone();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (directions[i] < 0)
            {
                var before = DirectionNear(directions, i, -1, baseDirection);
                var after = DirectionNear(directions, i, +1, baseDirection);
                resolved[i] = before == after ? before : baseDirection;
            }
        }
        // I1/I2: right-to-left letters sit one level above a left-to-right line; Latin text and numbers one level
        // above a right-to-left run, so they keep their own order when the run is reversed.
        var levels = new int[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            levels[i] = (resolved[i], tokens[i].Kind, rightToLeftBase) switch
            {
                (1, Kind.Number, _) => 2,
                (1, _, _) => 1,
                (_, _, true) => 2,
                _ => 0,
            };
        }
        return levels;
    }

    private static int DirectionNear(int[] directions, int from, int step, int baseDirection)
    {
        for (var i = from + step; i >= 0 && i < directions.Length; i += step)
        {
            if (directions[i] >= 0)
            {
                return directions[i];
            }
        }
        return baseDirection;
    }

    /// <summary>Whether the nearest letter on either side of a token is of the given kind.</summary>
    private static bool IsNextTo(List<(string Text, Kind Kind)> tokens, int index, Kind kind) =>
        NearestStrong(tokens, index, -1) == kind || NearestStrong(tokens, index, +1) == kind;

    private static Kind? NearestStrong(List<(string Text, Kind Kind)> tokens, int from, int step)
    {
        for (var i = from + step; i >= 0 && i < tokens.Count; i += step)
        {
            if (tokens[i].Kind is Kind.RightToLeft or Kind.LeftToRight)
            {
                return tokens[i].Kind;
            }
        }
        return null;
    }

    private static void ReverseRunsAtOrAbove(int[] order, int[] levels, int level)
    {
        var start = 0;
        while (start < order.Length)
        {
            if (levels[order[start]] < level)
            {
                start++;
                continue;
            }
            var end = start;
            while (end < order.Length && levels[order[end]] >= level)
            {
                end++;
            }
            Array.Reverse(order, start, end - start);
            start = end;
        }
    }

    // A bracket set inside right-to-left text is drawn with the mirrored glyph, so ")" on the page is a logical "(".
    private static string Mirror(string glyph) => glyph switch
    {
        "(" => ")",
        ")" => "(",
        "[" => "]",
        "]" => "[",
        "{" => "}",
        "}" => "{",
        "<" => ">",
        ">" => "<",
        "«" => "»",
        "»" => "«",
        _ => glyph,
    };

    // NFKC folds the contextual presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) into base letters; it is only
    // applied to right-to-left words so that Latin text is never touched.
    private static string NormalizeWord(string word) =>
        ContainsRightToLeft(word) ? word.Normalize(NormalizationForm.FormKC) : word;
}
