using System.Globalization;

namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>A date known to the year or to the month, and where in the text it was found.</summary>
internal readonly record struct PartialDate(int Year, int? Month, int Index = 0)
{
    /// <summary>"2009-01" or "2009": the form <see cref="DocumentMetadata.ApprovalDate"/> takes.</summary>
    public override string ToString() =>
        Month is { } month
            ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{month:D2}")
            : Year.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Two-digit years on old ITU covers ("(03/98)") are 19xx from 50 on, else 20xx.</summary>
    public static int ExpandYear(int year) => year >= 100 ? year : year >= 50 ? 1900 + year : 2000 + year;
}
