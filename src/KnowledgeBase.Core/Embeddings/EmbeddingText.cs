using System.Security.Cryptography;
using System.Text;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Ingestion.Chunking;

namespace KnowledgeBase.Core.Embeddings;

/// <summary>
/// What is embedded for a passage: the document title and heading path before the text, so a paragraph that says
/// "the team" is embedded as part of "National CIRT > 4.2 Staffing".
/// </summary>
public static class EmbeddingText
{
    public static string For(DocumentRecord record, Chunk chunk) => For(record.Title, chunk.HeadingPath, chunk.Text);

    public static string For(string title, IReadOnlyList<string> headingPath, string text)
    {
        var builder = new StringBuilder(title);
        if (headingPath.Count > 0)
        {
            builder.Append(" — ").AppendJoin(" > ", headingPath);
        }
        return builder.Append('\n').Append(text).ToString();
    }

    public static string Hash(DocumentRecord record, Chunk chunk) => Hash(For(record, chunk));

    public static string Hash(string embeddedText) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(embeddedText)));
}
