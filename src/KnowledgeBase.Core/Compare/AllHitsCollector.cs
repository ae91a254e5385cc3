using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Core.Compare;

/// <summary>Every matching passage with its score, in no order: a cell's score counts them all, not a top N.</summary>
internal sealed class AllHitsCollector : ICollector
{
    private Scorer? _scorer;
    private int _docBase;

    public List<(int Doc, float Score)> Hits { get; } = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void Collect(int doc) => Hits.Add((_docBase + doc, _scorer!.GetScore()));

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;
}
