using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Keys for caches of what a passage holds: its segment core's number and the passage's number in that segment. A
/// segment's stored text never changes, and a passage indexed again (new text under the same document id) lands in
/// another segment, so a key never meets other text. Weak on the core: a cache must not keep a closed segment's
/// readers alive.
/// </summary>
internal sealed class SegmentCoreIds
{
    private readonly ConditionalWeakTable<object, object> _ids = [];
    private readonly ConditionalWeakTable<object, object>.CreateValueCallback _newId;
    private long _lastId;

    public SegmentCoreIds() => _newId = _ => Interlocked.Increment(ref _lastId);

    /// <summary>The key of <paramref name="reader"/>'s top-level document <paramref name="doc"/>.</summary>
    public (long Core, int Doc) KeyOf(IndexReader reader, int doc)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        return ((long)_ids.GetValue(leaf.AtomicReader.CoreCacheKey, _newId), doc - leaf.DocBase);
    }
}
