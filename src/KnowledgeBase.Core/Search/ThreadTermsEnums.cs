using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Terms enumerators kept per thread for each segment and field, for term-at-a-time search. A block-tree enumerator
/// allocates its frames and FST arcs as it first seeks, and a question seeks in one per language field and segment
/// (some 40): made new each time, they were most of the 0.4 MB a BM25 top-k allocated. An enumerator is not safe to
/// share between threads, hence one set per thread; the table is weak, so a closed segment's go with it.
/// </summary>
internal static class ThreadTermsEnums
{
    [ThreadStatic]
    private static ConditionalWeakTable<AtomicReader, Dictionary<string, TermsEnum>>? t_bySegment;

    /// <summary>This thread's enumerator of the field's terms in the segment; null when the segment has no such field.</summary>
    public static TermsEnum? For(AtomicReader segment, string field)
    {
        var byField = (t_bySegment ??= new()).GetValue(segment, _ => new Dictionary<string, TermsEnum>(StringComparer.Ordinal));
        if (!byField.TryGetValue(field, out var terms))
        {
            terms = segment.GetTerms(field)?.GetEnumerator();
            if (terms is not null)
            {
                byField[field] = terms;
            }
        }
        return terms;
    }
}
