using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Ingestion.Chunking;

/// <summary>Packs pieces into chunks for <see cref="StructureChunker"/> and remembers the clause each starts in.</summary>
internal sealed class ChunkAccumulator(ExtractedDocument document, ChunkingOptions options, List<Chunk> output)
{
    private readonly List<Piece> _pieces = [];
    private int _tokens;
    private string? _clause;
    private IReadOnlyList<string> _path = [];
    private ClauseHeading? _section;
    private IReadOnlyList<string> _sectionPath = [];
    private bool _onlyOverlap;

    public void StartSection(ClauseHeading heading, IReadOnlyList<string> path)
    {
        if (_onlyOverlap)
        {
            Clear(); // the repeated sentences belong to the clause that just ended
        }
        if (heading.Level == 1 || _tokens >= options.MinTokens)
        {
            Flush(keepOverlap: false);
        }
        if (_pieces.Count > 0 && _clause is null)
        {
            // A few lines before the first heading (a running header, as on a scanned page) carried into this
            // clause's chunk: the chunk is cited by the clause it holds rather than by none.
            _clause = heading.Label;
            _path = path;
        }
        _section = heading;
        _sectionPath = path;
    }

    public void Add(Piece piece)
    {
        if (piece.IsBreak)
        {
            Flush(keepOverlap: false);
            return;
        }
        if (piece.IsTable && piece.Tokens >= options.MinTokens)
        {
            Flush(keepOverlap: false);
            Append(piece);
            Flush(keepOverlap: false);
            return;
        }
        if (_tokens > 0 && _tokens + piece.Tokens > options.MaxTokens)
        {
            Flush(keepOverlap: true);
            if (_tokens + piece.Tokens > options.MaxTokens)
            {
                Clear();
            }
        }
        Append(piece);
    }

    public void Flush(bool keepOverlap)
    {
        if (_pieces.Count == 0)
        {
            return;
        }
        var start = _pieces[0].Span.Start;
        var end = _pieces[^1].Span.End;
        output.Add(new Chunk
        {
            Ordinal = output.Count,
            Text = document.Text[start..end],
            Start = start,
            End = end,
            PageStart = document.PageAt(start),
            PageEnd = document.PageAt(end - 1),
            Clause = _clause,
            HeadingPath = _path,
            IsTable = _pieces.All(p => p.IsTable),
        });
        var overlap = keepOverlap ? TrailingOverlap() : [];
        Clear();
        foreach (var piece in overlap)
        {
            Append(piece);
        }
        _onlyOverlap = overlap.Count > 0;
    }

    private List<Piece> TrailingOverlap()
    {
        var kept = new List<Piece>();
        var tokens = 0;
        for (var i = _pieces.Count - 1; i > 0 && !_pieces[i].IsTable; i--)
        {
            if (tokens + _pieces[i].Tokens > options.OverlapTokens)
            {
                break;
            }
            tokens += _pieces[i].Tokens;
            kept.Insert(0, _pieces[i]);
        }
        return kept;
    }

    private void Append(Piece piece)
    {
        if (_pieces.Count == 0)
        {
            _clause = _section?.Label;
            _path = _sectionPath;
        }
        _pieces.Add(piece);
        _tokens += piece.Tokens;
        _onlyOverlap = false;
    }

    private void Clear()
    {
        _pieces.Clear();
        _tokens = 0;
        _onlyOverlap = false;
    }
}
