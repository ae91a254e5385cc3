using Lucene.Net.Search;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// The best N of a stream of scored documents, ordered as Lucene's top-docs collector orders them: by score, then
/// the earlier document first.
/// </summary>
internal sealed class TopHits(int size)
{
    private static readonly Comparer<(float Score, int Doc)> WorstFirst =
        Comparer<(float Score, int Doc)>.Create((a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Doc.CompareTo(a.Doc));

    private readonly PriorityQueue<int, (float Score, int Doc)> _queue = new(size + 1, WorstFirst);

    public void Offer(int doc, float score)
    {
        if (_queue.Count < size)
        {
            _queue.Enqueue(doc, (score, doc));
        }
        else if (size > 0 && _queue.TryPeek(out _, out var worst) && WorstFirst.Compare((score, doc), worst) > 0)
        {
            _queue.EnqueueDequeue(doc, (score, doc));
        }
    }

    public TopDocs ToTopDocs(int totalHits)
    {
        var best = new ScoreDoc[_queue.Count];
        for (var i = best.Length - 1; i >= 0; i--)
        {
            _queue.TryDequeue(out var doc, out var key);
            best[i] = new ScoreDoc(doc, key.Score);
        }
        return new TopDocs(totalHits, best, best.Length > 0 ? best[0].Score : float.NaN);
    }
}
