using System.Text.RegularExpressions;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Ingestion;
using KnowledgeBase.Core.Ingestion.Chunking;
using KnowledgeBase.Core.Ingestion.Parsing.Pdf;

namespace KnowledgeBase.Tests.Pdf;

/// <summary>
/// The parser and chunker on two public-domain NIST publications from the sample corpus. Page numbers asserted here
/// were checked against <c>pdftotext -f N -l N</c>.
/// </summary>
public sealed partial class RealPdfTests
{
    private const string IncidentHandlingGuide = "nist_sp800-61r2_2012.pdf";
    private const string ThreatSharingGuide = "nist_sp800-150_2016.pdf";

    private static readonly Lazy<ExtractedDocument> Sp80061 = new(() => Parse(IncidentHandlingGuide));
    private static readonly Lazy<ExtractedDocument> Sp800150 = new(() => Parse(ThreatSharingGuide));
    private static readonly Lazy<IReadOnlyList<Chunk>> Sp80061Chunks = new(() => ChunkWithDefaults(Sp80061.Value));
    private static readonly Lazy<IReadOnlyList<Chunk>> Sp800150Chunks = new(() => ChunkWithDefaults(Sp800150.Value));

    public static TheoryData<string> Files => [IncidentHandlingGuide, ThreatSharingGuide];

    [Fact]
    public void Parse_Sp80061r2_HasAllSeventyNinePagesInOrder()
    {
        var document = Sp80061.Value;

        Assert.Equal(79, document.PageCount);
        Assert.Equal(Enumerable.Range(1, 79), document.Pages.Select(p => p.Number));
        Assert.DoesNotContain(document.Pages, p => p.IsImageOnly);
        Assert.Empty(document.Warnings);
        Assert.Contains("Computer Security Incident Handling Guide", document.Title);
    }

    [Fact]
    public void Parse_Sp80061r2_IncidentAnalysisHeadingIsOnPdfPage37()
    {
        var document = Sp80061.Value;

        // The whole line, so the contents entry with its dot leaders on page 7 does not match.
        var offset = document.Text.IndexOf("\n3.2.4 Incident Analysis\n", StringComparison.Ordinal) + 1;

        Assert.True(offset > 0);
        var page = Assert.Single(document.Pages, p => p.Start <= offset && offset < p.End);
        Assert.Equal(37, page.Number);
        Assert.Equal(37, document.PageAt(offset));
    }

    [Theory]
    [InlineData(IncidentHandlingGuide, "COMPUTER SECURITY INCIDENT HANDLING GUIDE")]
    [InlineData(ThreatSharingGuide, "GUIDE TO CYBER THREAT INFORMATION SHARING")]
    public void Parse_RealPdf_RemovesRunningHeaderAndPageNumberFooters(string file, string runningHeader)
    {
        var document = Document(file);

        Assert.DoesNotContain(runningHeader, document.Text);
        foreach (var page in document.Pages.Where(p => p.End > p.Start))
        {
            var lastLine = document.Text[page.Start..page.End]
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
            Assert.False(PageNumberLine().IsMatch(lastLine), $"page {page.Number} ends with footer \"{lastLine}\"");
        }
    }

    [Fact]
    public void Parse_Sp80061r2_PrintedPageNumberOfPage37IsGone()
    {
        var document = Sp80061.Value;
        var page = document.Pages[36];

        var lines = document.Text[page.Start..page.End].Split('\n', StringSplitOptions.TrimEntries);

        Assert.DoesNotContain("28", lines); // page 37 of the file is printed as page 28
    }

    [Fact]
    public void Chunk_Sp80061r2_SentenceOfIncidentAnalysisCarriesClause324AndPage37()
    {
        const string sentence = "Finding the real security incidents that occurred out of all the indicators can be a daunting task.";

        var holding = Sp80061Chunks.Value.Where(c => Flatten(c.Text).Contains(sentence, StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(holding);
        Assert.All(holding, chunk =>
        {
            Assert.Equal("3.2.4", chunk.Clause);
            Assert.Equal(37, chunk.PageStart);
            Assert.Equal(["3 Handling an Incident", "3.2 Detection and Analysis", "3.2.4 Incident Analysis"], chunk.HeadingPath);
        });
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Chunk_RealPdf_EveryChunkIsExactlyItsSliceOfTheDocument(string file)
    {
        var document = Document(file);

        var chunks = Chunks(file);

        Assert.NotEmpty(chunks);
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Ordinal));
        Assert.All(chunks, chunk =>
        {
            Assert.True(chunk.Start < chunk.End);
            Assert.Equal(document.Text[chunk.Start..chunk.End], chunk.Text);
            Assert.Equal(document.PageAt(chunk.Start), chunk.PageStart);
            Assert.True(chunk.PageStart <= chunk.PageEnd);
        });
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Chunk_RealPdf_NoChunkExceedsMaxTokensUnlessItIsATable(string file)
    {
        var maxTokens = new ChunkingOptions().MaxTokens;

        var oversized = Chunks(file).Where(c => !c.IsTable && TokenCounter.Count(c.Text) > maxTokens).ToList();

        Assert.Empty(oversized);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Chunk_RealPdf_NoChunkRunsIntoTheNextDetectedTopLevelClause(string file)
    {
        var document = Document(file);
        var topLevel = ClauseDetector.Detect(document).Where(h => h.Level == 1).Select(h => h.Offset).ToList();

        var crossing = Chunks(file).Where(c => topLevel.Any(offset => c.Start < offset && offset < c.End)).ToList();

        Assert.Empty(crossing);
    }

    // Clause 4 of each document is left out: a checklist item (SP 800-61r2 "4. Acquire, preserve, ...") and a
    // footnote (SP 800-150 "5 An example of such an agreement ...") currently take its place in the numbering.
    [Theory]
    [InlineData(IncidentHandlingGuide, "1. Introduction")]
    [InlineData(IncidentHandlingGuide, "2. Organizing a Computer Security Incident Response Capability")]
    [InlineData(IncidentHandlingGuide, "3. Handling an Incident")]
    [InlineData(IncidentHandlingGuide, "Appendix A—Incident Handling Scenarios")]
    [InlineData(IncidentHandlingGuide, "Appendix B—Incident-Related Data Elements")]
    [InlineData(IncidentHandlingGuide, "Appendix C—Glossary")]
    [InlineData(IncidentHandlingGuide, "Appendix F—Frequently Asked Questions")]
    [InlineData(IncidentHandlingGuide, "Appendix H—Change Log")]
    [InlineData(ThreatSharingGuide, "2. Basics of Cyber Threat Information Sharing")]
    [InlineData(ThreatSharingGuide, "3. Establishing Sharing Relationships")]
    [InlineData(ThreatSharingGuide, "Appendix A—Cyber Threat Information Sharing Scenarios")]
    [InlineData(ThreatSharingGuide, "Appendix D—References")]
    public void Chunk_RealPdf_TopLevelHeadingStartsAChunkAndNoneRunsAcrossIt(string file, string heading)
    {
        var document = Document(file);
        var offset = document.Text.IndexOf($"\n{heading}\n", StringComparison.Ordinal) + 1;
        Assert.True(offset > 0, $"heading line \"{heading}\" not found");

        var chunks = Chunks(file);

        Assert.DoesNotContain(chunks, c => c.Start < offset && offset < c.End);
        Assert.Contains(chunks, c => c.Start == offset);
    }

    [Fact]
    public void Parse_TruncatedRealPdf_IsRejectedAsCorrupt()
    {
        var bytes = File.ReadAllBytes(CorpusFile(IncidentHandlingGuide));

        var error = Assert.Throws<DocumentRejectedException>(
            () => new PdfParser().Parse(bytes.AsMemory(0, bytes.Length / 2), IncidentHandlingGuide, CancellationToken.None));

        Assert.Contains("corrupt", error.Message);
    }

    private static ExtractedDocument Document(string file) =>
        file == IncidentHandlingGuide ? Sp80061.Value : Sp800150.Value;

    private static IReadOnlyList<Chunk> Chunks(string file) =>
        file == IncidentHandlingGuide ? Sp80061Chunks.Value : Sp800150Chunks.Value;

    private static ExtractedDocument Parse(string file) =>
        new PdfParser().Parse(File.ReadAllBytes(CorpusFile(file)), file, CancellationToken.None);

    private static IReadOnlyList<Chunk> ChunkWithDefaults(ExtractedDocument document) =>
        new StructureChunker(new ChunkingOptions()).Chunk(document);

    /// <summary>corpus/&lt;file&gt; next to KnowledgeBase.sln, found by walking up from the test output folder.</summary>
    private static string CorpusFile(string file)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KnowledgeBase.sln")))
            {
                return Path.Combine(directory.FullName, "corpus", file);
            }
        }
        throw new DirectoryNotFoundException($"no KnowledgeBase.sln above {AppContext.BaseDirectory}");
    }

    private static string Flatten(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^\W*(\d{1,4}|[ivxlc]{1,6})\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumberLine();
}
