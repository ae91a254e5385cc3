using Lucene.Net.Search;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// The best N of a stream of scored documents, ordered as Lucene's top-docs collector orders them: by score, then
/// the earlier document first.
/// <para>
/// A binary heap of (score, document) pairs with the worst at the root, compared inline: with
/// <c>PriorityQueue</c> and a <c>Comparer.Create</c> delegate, keeping the best 1,000 took a fifth of a top-k whose
/// term clauses came from the cache (dotnet-trace of `topk --depth 1000 --term-cache warm`, 506 varied queries).
/// </para>
/// </summary>
internal sealed class TopHits(int size)
{
    private readonly (float Score, int Doc)[] _heap = new (float Score, int Doc)[Math.Max(size, 0)];
    private int _count;

    public void Offer(int doc, float score)
    {
        if (_count < _heap.Length)
        {
            _heap[_count] = (score, doc);
            SiftUp(_count++);
        }
        else if (_count > 0 && Compare((score, doc), _heap[0]) > 0)
        {
            _heap[0] = (score, doc);
            SiftDown(0);
        }
    }

    public TopDocs ToTopDocs(int totalHits)
    {
        var best = new ScoreDoc[_count];
        for (var i = best.Length - 1; i >= 0; i--)
        {
            var (score, doc) = _heap[0];
            best[i] = new ScoreDoc(doc, score);
            _heap[0] = _heap[--_count];
            SiftDown(0);
        }
        return new TopDocs(totalHits, best, best.Length > 0 ? best[0].Score : float.NaN);
    }

    /// <summary>Above zero when <paramref name="a"/> ranks above <paramref name="b"/>: a higher score, or the same and an earlier document.</summary>
    private static int Compare((float Score, int Doc) a, (float Score, int Doc) b) =>
        a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Doc.CompareTo(a.Doc);

    private void SiftUp(int i)
    {
        var item = _heap[i];
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (Compare(item, _heap[parent]) >= 0)
            {
                break;
            }
            _heap[i] = _heap[parent];
            i = parent;
        }
        _heap[i] = item;
    }

    private void SiftDown(int i)
    {
        var item = _heap[i];
        while (true)
        {
            var child = (i << 1) + 1;
            if (child >= _count)
            {
                break;
            }
            if (child + 1 < _count && Compare(_heap[child + 1], _heap[child]) < 0)
            {
                child++;
            }
            if (Compare(_heap[child], item) >= 0)
            {
                break;
            }
            _heap[i] = _heap[child];
            i = child;
        }
        _heap[i] = item;
    }
}
