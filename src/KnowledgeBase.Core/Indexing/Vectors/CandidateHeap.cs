namespace KnowledgeBase.Core.Indexing.Vectors;

/// <summary>
/// Bounded min-heap keeping the best <c>capacity</c> hits seen. The order is total — higher score first, then lower
/// (block, row) — so the kept set does not depend on the order rows arrive in, which makes a parallel scan whose
/// per-range heaps are merged return exactly what a sequential one does.
/// </summary>
internal sealed class CandidateHeap
{
    private readonly VectorHit[] _items;

    public CandidateHeap(int capacity)
    {
        _items = new VectorHit[Math.Max(capacity, 1)];
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    /// <summary>True when the hit would be kept: the heap has room or the hit beats the worst kept one.</summary>
    public bool Admits(float score, int block, int row) =>
        Count < Capacity || IsBetter(new VectorHit(block, row, score), _items[0]);

    /// <summary>Adds the hit when <see cref="Admits"/>; otherwise does nothing.</summary>
    public void Offer(VectorHit hit)
    {
        if (Count < Capacity)
        {
            _items[Count] = hit;
            SiftUp(Count++);
        }
        else if (Capacity > 0 && IsBetter(hit, _items[0]))
        {
            _items[0] = hit;
            SiftDown(0);
        }
    }

    public ReadOnlySpan<VectorHit> Items => _items.AsSpan(0, Count);

    /// <summary>The total order of results: higher score, then lower block, then lower row.</summary>
    public static bool IsBetter(VectorHit a, VectorHit b) =>
        a.Score > b.Score
        || (a.Score == b.Score && (a.BlockIndex < b.BlockIndex || (a.BlockIndex == b.BlockIndex && a.Row < b.Row)));

    public static int CompareBestFirst(VectorHit a, VectorHit b) =>
        IsBetter(a, b) ? -1 : IsBetter(b, a) ? 1 : 0;

    private void SiftUp(int index)
    {
        var item = _items[index];
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (!IsBetter(_items[parent], item))
            {
                break;
            }
            _items[index] = _items[parent];
            index = parent;
        }
        _items[index] = item;
    }

    private void SiftDown(int index)
    {
        var item = _items[index];
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= Count)
            {
                break;
            }
            // The root holds the worst item, so follow the worse child.
            if (child + 1 < Count && IsBetter(_items[child], _items[child + 1]))
            {
                child++;
            }
            if (!IsBetter(item, _items[child]))
            {
                break;
            }
            _items[index] = _items[child];
            index = child;
        }
        _items[index] = item;
    }
}
