using System.Text;
using System.Text.Json;

namespace KnowledgeBase.Core.Embeddings;

/// <summary>
/// The Universal Sentence Encoder's SentencePiece tokenizer, ported step for step from the Tokenizer of
/// @tensorflow-models/universal-sentence-encoder 1.3.3 (dist/tokenizer/index.js) so that ids match it exactly:
/// NFKC, a leading ▁ and every ASCII space turned into ▁, then Viterbi over the vocabulary's scores where a character
/// no piece starts with becomes id 0 (score 0), and runs of id 0 collapse into one.
/// </summary>
/// <remarks>
/// The original walks the string by UTF-16 code unit (its ES5 build loses the code point iteration of the TypeScript),
/// so a character outside the BMP is two unknown units, collapsed into one id 0; this port does the same.
/// </remarks>
internal sealed class SentencePieceTokenizer
{
    public const int UnknownId = 0;
    private const char Separator = '\u2581';
    private const int ReservedSymbols = 6;

    private readonly int[] _pieceLengths;
    private readonly double[] _scores;
    private readonly TrieNode _root = new();

    private SentencePieceTokenizer(IReadOnlyList<(string Piece, double Score)> vocabulary)
    {
        _pieceLengths = new int[vocabulary.Count];
        _scores = new double[vocabulary.Count];
        for (var id = 0; id < vocabulary.Count; id++)
        {
            _pieceLengths[id] = vocabulary[id].Piece.Length;
            _scores[id] = vocabulary[id].Score;
        }
        // The first pieces are unk and control symbols: never matched. A repeated piece keeps its last id, as there.
        for (var id = ReservedSymbols; id < vocabulary.Count; id++)
        {
            var node = _root;
            foreach (var unit in vocabulary[id].Piece)
            {
                node = node.GetOrAddChild(unit);
            }
            node.Id = id;
        }
    }

    public int VocabularySize => _scores.Length;

    /// <summary>
    /// Reads vocab.json: an array of [piece, score] pairs, the index being the id. Some pieces with ':' have a null
    /// score, which JavaScript's null + number turns into 0; so here.
    /// </summary>
    public static SentencePieceTokenizer Load(string vocabularyPath)
    {
        using var stream = File.OpenRead(vocabularyPath);
        using var document = JsonDocument.Parse(stream);
        var vocabulary = new List<(string, double)>();
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            vocabulary.Add((entry[0].GetString() ?? "", entry[1].ValueKind == JsonValueKind.Number ? entry[1].GetDouble() : 0));
        }
        return new SentencePieceTokenizer(vocabulary);
    }

    public int[] Encode(string text)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return [];
        }
        var symbols = Separator + normalized.Replace(' ', Separator);
        var length = symbols.Length;
        var best = new double[length + 1];
        var words = new int[length + 1];

        // Relaxing edges in order of their start reproduces the original's visit order (end position, then start
        // ascending), which matters because a tie keeps the later candidate and a total of exactly 0 counts as unset.
        for (var start = 0; start < length; start++)
        {
            var matched = false;
            var node = _root.Child(symbols[start]);
            for (var end = start + 1; node is not null; end++)
            {
                if (node.Id >= 0)
                {
                    Relax(best, words, start, end, _scores[node.Id], node.Id);
                    matched = true;
                }
                node = end < length ? node.Child(symbols[end]) : null;
            }
            if (!matched)
            {
                Relax(best, words, start, start + 1, 0, UnknownId);
            }
        }

        var reversed = new List<int>();
        var previousUnknown = false;
        for (var position = length; position > 0; position -= _pieceLengths[words[position]])
        {
            var id = words[position];
            if (!(previousUnknown && id == UnknownId))
            {
                reversed.Add(id);
            }
            previousUnknown = id == UnknownId;
        }
        reversed.Reverse();
        return [.. reversed];
    }

    private static void Relax(double[] best, int[] words, int start, int end, double score, int id)
    {
        var total = score + best[start];
        if (best[end] == 0 || total >= best[end])
        {
            best[end] = total;
            words[end] = id;
        }
    }

    private static string Normalize(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // .NET refuses to normalise a lone surrogate where JavaScript passes it through; keep the text as it is.
            return text;
        }
    }

    private sealed class TrieNode
    {
        private Dictionary<char, TrieNode>? _children;

        public int Id { get; set; } = -1;

        public TrieNode? Child(char unit) =>
            _children is not null && _children.TryGetValue(unit, out var child) ? child : null;

        public TrieNode GetOrAddChild(char unit)
        {
            _children ??= [];
            if (!_children.TryGetValue(unit, out var child))
            {
                child = new TrieNode();
                _children[unit] = child;
            }
            return child;
        }
    }
}
