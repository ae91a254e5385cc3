namespace KnowledgeBase.Core.Documents.Languages;

/// <summary>
/// Which writing system a char belongs to, by Unicode block. Enough to tell right-to-left text in a PDF line and to
/// recognise Chinese or Arabic text without a statistical model.
/// </summary>
internal static class Scripts
{
    /// <summary>
    /// Hebrew, Arabic, Syriac, Thaana and the other right-to-left blocks up to Arabic Extended-A, plus the Hebrew and
    /// Arabic presentation forms (U+FB1D–U+FDFF, U+FE70–U+FEFE). Arabic-Indic digits are excluded: numbers are laid
    /// out left to right even inside Arabic text.
    /// </summary>
    public static bool IsRightToLeft(char c) =>
        c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFE')
        && !IsArabicDigit(c);

    public static bool IsArabic(char c) =>
        c is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08FF')
            or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFE');

    /// <summary>Arabic-Indic and extended (Persian) Arabic-Indic digits, and the Arabic decimal and thousands separators.</summary>
    public static bool IsArabicDigit(char c) => c is (>= '\u0660' and <= '\u066C') or (>= '\u06F0' and <= '\u06F9');

    /// <summary>CJK unified ideographs (main block, extension A, compatibility); extension B+ are surrogate pairs and not counted.</summary>
    public static bool IsHan(char c) =>
        c is (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>Share of the letters of <paramref name="text"/> that satisfy <paramref name="script"/>, and the letter count.</summary>
    public static (double Share, int Letters) ShareOfLetters(string text, Func<char, bool> script)
    {
        var letters = 0;
        var matching = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (script(c))
                {
                    matching++;
                }
            }
        }
        return (letters == 0 ? 0 : (double)matching / letters, letters);
    }
}
