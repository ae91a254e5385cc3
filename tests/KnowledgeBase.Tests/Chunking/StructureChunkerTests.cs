using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Ingestion.Chunking;
using KnowledgeBase.Core.Ingestion.Parsing;

namespace KnowledgeBase.Tests.Chunking;

public sealed class StructureChunkerTests
{
    // Every clause and annex of a short ITU-T Recommendation, headings on their own lines as the PDF parser writes them.
    private static readonly string[] ItuRecommendation =
    [
        "1 Scope", "",
        "This Recommendation describes incident handling for telecommunication operators.", "",
        "2 References", "",
        "The following ITU-T Recommendations contain provisions which constitute provisions of this Recommendation.", "",
        "3 Definitions", "",
        "3.1 Terms defined elsewhere", "",
        "This Recommendation uses the term incident defined in ITU-T X.1056.", "",
        "3.2 Terms defined in this Recommendation", "",
        "This Recommendation defines no new terms.", "",
        "Annex A", "",
        "Security requirements", "",
        "(This annex forms an integral part of this Recommendation.)", "",
        "Operators shall keep incident records.", "",
        "A.1 General", "",
        "Records shall be kept for one year.", "",
        "Appendix I", "",
        "Examples of use", "",
        "(This appendix does not form an integral part of this Recommendation.)", "",
        "An operator detects a denial of service attack.", "",
        "Bibliography", "",
        "[b-ITU-T X.1056] Recommendation ITU-T X.1056 (2009), Security incident management guidelines.", "",
    ];

    [Fact]
    public void Detect_ItuRecommendation_FindsClausesAnnexesAppendicesAndBibliography()
    {
        var document = Document(ItuRecommendation);

        var headings = ClauseDetector.Detect(document);

        Assert.Equal(
            [("1", 1), ("2", 1), ("3", 1), ("3.1", 2), ("3.2", 2), ("Annex A", 1), ("A.1", 2), ("Appendix I", 1), ("Bibliography", 1)],
            headings.Select(h => (h.Label, h.Level)));
        Assert.Equal("Annex A Security requirements", headings[5].Display);
        Assert.Equal("Appendix I Examples of use", headings[7].Display);
    }

    [Theory]
    [InlineData("This Recommendation describes incident handling", "1", new[] { "1 Scope" })]
    [InlineData("uses the term incident defined", "3.1", new[] { "3 Definitions", "3.1 Terms defined elsewhere" })]
    [InlineData("defines no new terms", "3.2", new[] { "3 Definitions", "3.2 Terms defined in this Recommendation" })]
    [InlineData("Operators shall keep incident records.", "Annex A", new[] { "Annex A Security requirements" })]
    [InlineData("Records shall be kept for one year.", "A.1", new[] { "Annex A Security requirements", "A.1 General" })]
    [InlineData("denial of service attack", "Appendix I", new[] { "Appendix I Examples of use" })]
    [InlineData("Security incident management guidelines", "Bibliography", new[] { "Bibliography" })]
    public void Chunk_ItuRecommendation_LabelsEachChunkWithItsClauseAndHeadingPath(string phrase, string clause, string[] path)
    {
        var document = Document(ItuRecommendation);

        var chunks = Chunker(minTokens: 1).Chunk(document);

        var chunk = Assert.Single(chunks, c => c.Text.Contains(phrase, StringComparison.Ordinal));
        Assert.Equal(clause, chunk.Clause);
        Assert.Equal(path, chunk.HeadingPath);
        Assert.Equal(document.Text[chunk.Start..chunk.End], chunk.Text);
    }

    [Fact]
    public void Chunk_ShortSubClauses_RunOnIntoTheNextSubClauseButNotPastTheTopLevelClause()
    {
        var document = Document(ItuRecommendation);

        var chunks = Chunker().Chunk(document);

        var definitions = Assert.Single(chunks, c => c.Clause == "3");
        Assert.StartsWith("3 Definitions", definitions.Text, StringComparison.Ordinal);
        Assert.Contains("uses the term incident defined", definitions.Text);
        Assert.EndsWith("This Recommendation defines no new terms.", definitions.Text, StringComparison.Ordinal);
        Assert.Equal(["1", "2", "3", "Annex A", "Appendix I", "Bibliography"], chunks.Select(c => c.Clause));
    }

    [Fact]
    public void Chunk_NumberedListItemInsideClause5_IsNotTakenForClause2()
    {
        var document = Document(
            "1 Scope", "", "Scope text.", "",
            "2 References", "", "Reference text.", "",
            "3 Definitions", "", "Definition text.", "",
            "4 Abbreviations", "", "Abbreviation text.", "",
            "5 Procedures", "",
            "The operator shall follow these steps:",
            "1. Collect the logs of the affected system.",
            "2. Do this before any system is restarted.",
            "3. Report the incident to the security team.", "",
            "5.1 Escalation", "",
            "Escalation text.", "");

        var headings = ClauseDetector.Detect(document);
        var chunks = Chunker(minTokens: 1).Chunk(document);

        Assert.Equal(["1", "2", "3", "4", "5", "5.1"], headings.Select(h => h.Label));
        var list = Assert.Single(chunks, c => c.Text.Contains("2. Do this", StringComparison.Ordinal));
        Assert.Equal("5", list.Clause);
        Assert.Equal(["5 Procedures"], list.HeadingPath);
        Assert.Equal("5.1", Assert.Single(chunks, c => c.Text.Contains("Escalation text.", StringComparison.Ordinal)).Clause);
    }

    [Fact]
    public void Chunk_TableOfContentsWithDotLeaders_IsNeitherClausesNorChunked()
    {
        var document = Document(
            "Table of Contents", "",
            "1 Scope ........................................ 1",
            "2 References ................................... 2",
            "3 Definitions .................................. 3", "",
            "1 Scope", "", "This Recommendation covers incident handling.", "",
            "2 References", "", "None.", "");

        var headings = ClauseDetector.Detect(document);
        var chunks = Chunker(minTokens: 1).Chunk(document);

        var bodyScope = document.Text.IndexOf("1 Scope\n", StringComparison.Ordinal);
        Assert.Equal(["Table of Contents", "1", "2"], headings.Select(h => h.Label));
        Assert.Equal(bodyScope, headings[1].Offset);
        Assert.DoesNotContain(chunks, c => c.Text.Contains("....", StringComparison.Ordinal));
        Assert.Equal(["1", "2"], chunks.Where(c => c.Clause != "Table of Contents").Select(c => c.Clause));
    }

    [Fact]
    public void Chunk_LongClause_IsSplitWithTheLastSentenceRepeatedAtTheStartOfTheNextChunk()
    {
        // Ten tokens a sentence: with 15 overlap tokens exactly one sentence is repeated.
        var sentences = Enumerable.Range(1, 30)
            .Select(i => $"Sentence {i.ToString(CultureInfo.InvariantCulture)} explains one more detail of incident handling here.")
            .ToArray();
        var document = Document(["1 Incident handling", "", string.Join(' ', sentences), ""]);

        var chunks = new StructureChunker(new ChunkingOptions { MaxTokens = 100, OverlapTokens = 15, MinTokens = 20 }).Chunk(document);

        Assert.True(chunks.Count >= 3, $"{chunks.Count} chunks");
        Assert.All(chunks, c => Assert.Equal("1", c.Clause));
        Assert.All(chunks, c => Assert.InRange(TokenCounter.Count(c.Text), 1, 100));
        foreach (var (previous, next) in chunks.Zip(chunks.Skip(1)))
        {
            var lastSentence = sentences.Last(s => previous.Text.EndsWith(s, StringComparison.Ordinal));
            Assert.StartsWith(lastSentence, next.Text, StringComparison.Ordinal);
            Assert.Equal(previous.End - lastSentence.Length, next.Start);
        }
        Assert.EndsWith(sentences[^1], chunks[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chunk_LongClauseFollowedByNextTopLevelClause_NeverCarriesOverlapAcrossIt()
    {
        var filler = string.Join(' ', Enumerable.Range(1, 25).Select(i =>
            $"Detail {i.ToString(CultureInfo.InvariantCulture)} of the preparation phase is described here."));
        var document = Document(
            "1 Preparation", "", filler, "",
            "2 Detection", "", "Short detection text.", "",
            "3 Recovery", "", "Short recovery text.", "");
        var topLevel = ClauseDetector.Detect(document).Where(h => h.Level == 1).Select(h => h.Offset).ToList();

        var chunks = new StructureChunker(new ChunkingOptions { MaxTokens = 60, OverlapTokens = 20, MinTokens = 40 }).Chunk(document);

        Assert.Equal(3, topLevel.Count);
        Assert.DoesNotContain(chunks, c => topLevel.Any(offset => c.Start < offset && offset < c.End));
        Assert.StartsWith("2 Detection", Assert.Single(chunks, c => c.Clause == "2").Text, StringComparison.Ordinal);
        Assert.StartsWith("3 Recovery", Assert.Single(chunks, c => c.Clause == "3").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chunk_Table_StaysOneChunkMarkedAsTableEvenPastMaxTokens()
    {
        var builder = new ExtractedTextBuilder();
        builder.AppendLine("1 Controls");
        builder.AppendParagraphBreak();
        builder.AppendLine("The controls are listed in Table 1.");
        builder.BeginTable();
        builder.AppendTableRow(["Control", "Owner", "Status"]);
        for (var row = 1; row <= 20; row++)
        {
            builder.AppendTableRow([$"AC-{row.ToString(CultureInfo.InvariantCulture)}", "Security team", "Implemented"]);
        }
        builder.EndTable();
        builder.AppendLine("Controls not in the table are out of scope.");
        var document = builder.Build(MediaTypes.PlainText, title: null);
        var table = Assert.Single(document.Tables);

        var chunks = new StructureChunker(new ChunkingOptions { MaxTokens = 60, OverlapTokens = 10, MinTokens = 20 }).Chunk(document);

        var tableChunk = Assert.Single(chunks, c => c.IsTable);
        Assert.Equal(document.Text[table.Start..table.End].TrimEnd(), tableChunk.Text);
        Assert.True(TokenCounter.Count(tableChunk.Text) > 60);
        Assert.Equal("1", tableChunk.Clause);
        Assert.DoesNotContain(chunks, c => !c.IsTable && c.Text.Contains("AC-1 ", StringComparison.Ordinal));
        Assert.Contains(chunks, c => !c.IsTable && c.Text.Contains("out of scope", StringComparison.Ordinal));
    }

    [Fact]
    public void Chunk_TablePastThreeTimesMaxTokens_IsSplitBetweenRowsIntoTableChunks()
    {
        var builder = new ExtractedTextBuilder();
        builder.BeginTable();
        for (var row = 1; row <= 20; row++)
        {
            builder.AppendTableRow([$"AC-{row.ToString(CultureInfo.InvariantCulture)}", "Security team", "Implemented"]);
        }
        builder.EndTable();
        var document = builder.Build(MediaTypes.PlainText, title: null);

        var chunks = new StructureChunker(new ChunkingOptions { MaxTokens = 20, OverlapTokens = 5, MinTokens = 5 }).Chunk(document);

        Assert.True(chunks.Count >= 2, $"{chunks.Count} chunks");
        Assert.All(chunks, c =>
        {
            Assert.True(c.IsTable);
            Assert.InRange(TokenCounter.Count(c.Text), 1, 60);
            Assert.StartsWith("AC-", c.Text, StringComparison.Ordinal);
            Assert.EndsWith("Implemented", c.Text, StringComparison.Ordinal);
        });
        Assert.Equal(20, chunks.Sum(c => c.Text.Split('\n').Length));
    }

    [Fact]
    public void Chunk_DocumentWithHeadingMarks_UsesTheMarksInsteadOfGuessingFromLines()
    {
        var builder = new ExtractedTextBuilder();
        builder.AppendHeading(1, "Incident response");
        builder.AppendLine("1 Scope is written in the body and is not a heading here.");
        builder.AppendHeading(2, "Containment");
        builder.AppendLine("Isolate the affected hosts from the network.");
        builder.AppendHeading(2, "2.1 Eradication");
        builder.AppendLine("Remove the malware from every host.");
        builder.AppendHeading(1, "Lessons learned");
        builder.AppendLine("Hold a meeting after every major incident.");
        var document = builder.Build(MediaTypes.Markdown, title: null);

        var chunks = Chunker(minTokens: 1).Chunk(document);

        Assert.Equal(["Incident response", "Containment", "2.1", "Lessons learned"], chunks.Select(c => c.Clause));
        Assert.Equal(["Incident response", "Containment"], Find(chunks, "Isolate the affected hosts").HeadingPath);
        Assert.Equal(["Incident response", "2.1 Eradication"], Find(chunks, "Remove the malware").HeadingPath);
        Assert.Equal(["Lessons learned"], Find(chunks, "Hold a meeting").HeadingPath);
    }

    [Fact]
    public void Chunk_ChineseText_SplitsAtFullWidthStopsAndCountsEachCharacterAsAToken()
    {
        var sentences = new[]
        {
            "运营者应当建立网络安全事件应急预案。",
            "发生网络安全事件时应当立即启动应急预案。",
            "运营者应当对事件进行调查和评估。",
            "运营者应当按照规定向有关主管部门报告。",
            "应急预案应当定期进行演练和修订。",
        };
        var document = Document("1 范围", "", string.Concat(sentences), "");

        var chunks = new StructureChunker(new ChunkingOptions { MaxTokens = 40, OverlapTokens = 0, MinTokens = 1 }).Chunk(document);

        // 18, 20, 16, 19 and 16 tokens, one per character and stop: no three in a row fit a 40-token budget.
        Assert.Equal(sentences[0].Length, TokenCounter.Count(sentences[0]));
        Assert.Equal(
            ["1 范围\n\n" + sentences[0], sentences[1] + sentences[2], sentences[3] + sentences[4]],
            chunks.Select(c => c.Text));
        Assert.All(chunks, c => Assert.Equal("1", c.Clause));
    }

    private static StructureChunker Chunker(int minTokens = 80) =>
        new(new ChunkingOptions { MinTokens = minTokens });

    private static Chunk Find(IEnumerable<Chunk> chunks, string phrase) =>
        Assert.Single(chunks, c => c.Text.Contains(phrase, StringComparison.Ordinal));

    /// <summary>A text document line by line; an empty string ends a paragraph.</summary>
    private static ExtractedDocument Document(params string[] lines)
    {
        var builder = new ExtractedTextBuilder();
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                builder.AppendParagraphBreak();
            }
            else
            {
                builder.AppendLine(line);
            }
        }
        return builder.Build(MediaTypes.PlainText, title: null);
    }
}
