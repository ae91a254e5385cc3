using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Chunking;
using KnowledgeBase.Core.Ingestion.Parsing;

namespace KnowledgeBase.Tests.Compare;

/// <summary>Puts a small strategy straight into a real index: one passage per (heading, text), each on its own page.</summary>
internal static class ComparedDocuments
{
    public static DocumentRecord Add(KeywordIndex index, string id, string country, string language, int year, params (string Heading, string Text)[] passages)
    {
        var builder = new ExtractedTextBuilder();
        foreach (var (_, text) in passages)
        {
            builder.AppendLine(text);
        }
        var found = Countries.ByCode(country)!;
        var metadata = new DocumentMetadata
        {
            Title = $"Strategy of {found.Name}",
            Type = MetadataVocabulary.NationalStrategy,
            CountryCode = found.Code,
            CountryName = found.Name,
            Region = found.Region,
            Year = year,
        };
        var record = new DocumentRecord
        {
            Id = id,
            Source = $"/docs/{id}.txt",
            Title = metadata.Title,
            MediaType = MediaTypes.PlainText,
            ContentHash = id,
            SizeBytes = passages.Sum(p => p.Text.Length),
            PageCount = passages.Length,
            ChunkCount = passages.Length,
            IngestedAt = DateTimeOffset.UnixEpoch,
            Metadata = metadata,
            Language = language,
        };
        var start = 0;
        var chunks = passages.Select((p, i) =>
        {
            var chunk = new Chunk
            {
                Ordinal = i,
                Text = p.Text,
                Start = start,
                End = start + p.Text.Length,
                PageStart = i + 1,
                PageEnd = i + 1,
                Clause = $"{i + 1}",
                HeadingPath = [p.Heading],
                Language = language,
            };
            start += p.Text.Length + 1;
            return chunk;
        }).ToList();
        index.Replace(record, builder.Build(MediaTypes.PlainText, metadata.Title), chunks);
        return record;
    }
}
