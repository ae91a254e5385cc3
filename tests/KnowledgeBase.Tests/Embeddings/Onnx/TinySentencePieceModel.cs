namespace KnowledgeBase.Tests.Embeddings.Onnx;

/// <summary>
/// Writes a SentencePiece unigram model laid out like XLM-RoBERTa's sentencepiece.bpe.model: &lt;unk&gt;=0, &lt;s&gt;=1,
/// &lt;/s&gt;=2, then whole-word pieces, so "alpha beta" is exactly two pieces. Field numbers from sentencepiece_model.proto.
/// </summary>
internal static class TinySentencePieceModel
{
    private const int Normal = 1;
    private const int Unknown = 2;
    private const int Control = 3;
    private const int Unigram = 1;

    /// <summary>SentencePiece's own numbering; the model sees each id plus one (fairseq), except the specials.</summary>
    public static readonly string[] Pieces = ["<unk>", "<s>", "</s>", "\u2581alpha", "\u2581beta", "\u2581gamma", "\u2581"];

    public static byte[] Build()
    {
        var model = new ProtoMessage();
        for (var id = 0; id < Pieces.Length; id++)
        {
            var type = id == 0 ? Unknown : id < 3 ? Control : Normal;
            // Whole words score far above the bare word-boundary piece, so the unigram search prefers them.
            var score = id < 3 ? 0f : Pieces[id].Length > 1 ? -1f : -10f;
            model.Message(1, new ProtoMessage().String(1, Pieces[id]).Float(2, score).Int(3, type));
        }
        return model
            .Message(2, new ProtoMessage().Int(3, Unigram).Int(4, Pieces.Length))
            .Message(3, new ProtoMessage().String(1, "identity").Int(3, 1).Int(4, 1).Int(5, 1))
            .ToArray();
    }
}
