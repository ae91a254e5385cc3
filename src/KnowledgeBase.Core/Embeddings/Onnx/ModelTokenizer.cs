using System.Text;
using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace KnowledgeBase.Core.Embeddings.Onnx;

/// <summary>
/// Turns text into the token ids a sentence-transformers export expects: the tokenizer's own pieces wrapped in the
/// model's start and end tokens, cut to a token budget the way Hugging Face truncates (the end token survives).
/// </summary>
internal sealed class ModelTokenizer
{
    private readonly Func<string, IReadOnlyList<int>> _pieces;
    private readonly Func<int, long> _mapId;
    private readonly long _startId;
    private readonly long _endId;

    private ModelTokenizer(
        Func<string, IReadOnlyList<int>> pieces, Func<int, long> mapId, long startId, long endId, long padId, string kind)
    {
        _pieces = pieces;
        _mapId = mapId;
        _startId = startId;
        _endId = endId;
        PadId = padId;
        Kind = kind;
    }

    public long PadId { get; }

    /// <summary>"wordpiece" or "sentencepiece", for messages and the report of what was loaded.</summary>
    public string Kind { get; }

    public long[] Encode(string text, int maxTokens)
    {
        var pieces = _pieces(text);
        var kept = Math.Min(pieces.Count, Math.Max(0, maxTokens - 2));
        var ids = new long[kept + 2];
        ids[0] = _startId;
        for (var i = 0; i < kept; i++)
        {
            ids[i + 1] = _mapId(pieces[i]);
        }
        ids[^1] = _endId;
        return ids;
    }

    /// <summary>Finds the tokenizer files in a model folder; the message names the config key when none fits.</summary>
    public static ModelTokenizer Load(string folder)
    {
        var vocab = Path.Combine(folder, "vocab.txt");
        if (File.Exists(vocab))
        {
            using var stream = File.OpenRead(vocab);
            return WordPiece(stream, ReadLowerCase(folder));
        }

        var sentencePiece = Path.Combine(folder, "sentencepiece.bpe.model");
        if (File.Exists(sentencePiece))
        {
            using var stream = File.OpenRead(sentencePiece);
            return XlmRoberta(stream);
        }

        var json = Path.Combine(folder, "tokenizer.json");
        if (File.Exists(json))
        {
            return FromTokenizerJson(json, ReadLowerCase(folder));
        }

        throw new InvalidOperationException(
            $"Embeddings:ModelPath: no tokenizer in {folder}; expected vocab.txt (BERT WordPiece) or sentencepiece.bpe.model (XLM-RoBERTa).");
    }

    /// <summary>A BERT WordPiece vocabulary, one token a line (the built-in model's, read from its package).</summary>
    public static ModelTokenizer WordPiece(byte[] vocabulary, bool lowerCase)
    {
        using var stream = new MemoryStream(vocabulary);
        return WordPiece(stream, lowerCase);
    }

    private static ModelTokenizer WordPiece(Stream vocab, bool lowerCase)
    {
        var bert = BertTokenizer.Create(vocab, new BertOptions { LowerCaseBeforeTokenization = lowerCase });
        return new ModelTokenizer(
            text => bert.EncodeToIds(text, addSpecialTokens: false),
            id => id, bert.ClassificationTokenId, bert.SeparatorTokenId, bert.PaddingTokenId, "wordpiece");
    }

    /// <summary>
    /// XLM-RoBERTa (multilingual-e5, bge-m3) numbers its vocabulary the fairseq way: &lt;s&gt;=0, &lt;pad&gt;=1,
    /// &lt;/s&gt;=2, &lt;unk&gt;=3, then every SentencePiece id shifted by one. The .model file keeps SentencePiece's own
    /// numbering (&lt;unk&gt;=0, &lt;s&gt;=1, &lt;/s&gt;=2), so ids are mapped before they reach the model.
    /// </summary>
    private static ModelTokenizer XlmRoberta(Stream model)
    {
        var tokenizer = Microsoft.ML.Tokenizers.SentencePieceTokenizer.Create(model, addBeginningOfSentence: false, addEndOfSentence: false);
        return new ModelTokenizer(
            text => tokenizer.EncodeToIds(text, addBeginningOfSentence: false, addEndOfSentence: false),
            FairseqId, startId: 0, endId: 2, padId: 1, "sentencepiece");

        static long FairseqId(int id) => id switch
        {
            0 => 3,
            1 => 0,
            2 => 2,
            _ => id + 1L,
        };
    }

    /// <summary>
    /// Microsoft.ML.Tokenizers has no reader for Hugging Face's tokenizer.json. A WordPiece vocabulary inside it is
    /// plain enough to lift out; anything else (Unigram, BPE) needs the original vocab.txt or sentencepiece.bpe.model.
    /// </summary>
    private static ModelTokenizer FromTokenizerJson(string path, bool lowerCase)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var model = document.RootElement.GetProperty("model");
        var type = model.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type != "WordPiece" || !model.TryGetProperty("vocab", out var vocab) || vocab.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException(
                $"Embeddings:ModelPath: {path} is a '{type}' tokenizer.json, which Microsoft.ML.Tokenizers cannot read; " +
                "put the model's vocab.txt (BERT WordPiece) or sentencepiece.bpe.model (XLM-RoBERTa) next to model.onnx.");
        }

        var tokens = vocab.EnumerateObject().OrderBy(p => p.Value.GetInt32()).Select(p => p.Name);
        var lines = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', tokens) + "\n"));
        return WordPiece(lines, lowerCase);
    }

    /// <summary>Cased BERT models say so in tokenizer_config.json; the sentence-transformers default is lower case.</summary>
    private static bool ReadLowerCase(string folder)
    {
        var config = Path.Combine(folder, "tokenizer_config.json");
        if (!File.Exists(config))
        {
            return true;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(config));
        return !document.RootElement.TryGetProperty("do_lower_case", out var lower) || lower.ValueKind != JsonValueKind.False;
    }
}
