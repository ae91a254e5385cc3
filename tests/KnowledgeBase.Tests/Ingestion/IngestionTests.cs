using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Pipeline;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Ingestion;

public sealed class IngestionTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string IndexPath => _temp.Combine("index");

    [Fact]
    public void Ingest_RealNistPdfs_IdentifierQueryFindsThatDocumentFirst()
    {
        Ingest.Paths(IndexPath, TestPaths.SampleCorpus("nist_sp800-61r2_2012.pdf"), TestPaths.SampleCorpus("nist_sp800-150_2016.pdf"));

        using var index = KeywordIndex.OpenForReading(IndexPath);
        var sp80061 = index.Search(new SearchRequest("SP 800-61", 5)).Hits;
        var sp800150 = index.Search(new SearchRequest("sp 800-150", 5)).Hits;

        Assert.EndsWith("nist_sp800-61r2_2012.pdf", sp80061[0].Source);
        Assert.Equal("SP 800-61r2", sp80061[0].Identifier);
        Assert.All(sp80061.Take(3), h => Assert.Equal(sp80061[0].DocumentId, h.DocumentId));
        Assert.EndsWith("nist_sp800-150_2016.pdf", sp800150[0].Source);
    }

    [SharedCorpusFact]
    public void Ingest_ItuRecommendationFromSharedCorpus_FindsItByIdentifierAmongOthers()
    {
        var folder = _temp.Folder("itu");
        foreach (var name in new[] { "itu-t_X.1056-200901-I.pdf", "itu-t_X.1051-201709-Cor1.pdf", "itu-t_X.1057-201105-I.pdf" })
        {
            _temp.Copy(TestPaths.SharedCorpus($"pdf/{name}"), $"itu/{name}");
        }
        Ingest.Paths(IndexPath, folder);

        using var index = KeywordIndex.OpenForReading(IndexPath);
        var hits = index.Search(new SearchRequest("X.1056", 3)).Hits;

        Assert.All(hits, h => Assert.Equal("X.1056", h.Identifier));
        Assert.Contains("X.1056", index.GetDocument(hits[0].DocumentId)!.Identifiers);
    }

    [Fact]
    public void Search_NaturalQuestion_ReturnsClauseAndPagesOfTheAnsweringPassage()
    {
        Ingest.Paths(IndexPath, TestPaths.SampleCorpus("nist_sp800-61r2_2012.pdf"));

        using var index = KeywordIndex.OpenForReading(IndexPath);
        var hit = index.Search(new SearchRequest("incident response team staffing models employees partially outsourced", 1)).Hits.Single();

        Assert.StartsWith("2.4", hit.Clause);
        Assert.InRange(hit.PageStart, 22, 26);
        Assert.Contains("<mark>", hit.Snippet);
    }

    [Fact]
    public void Search_ChineseWord_FindsTheChineseResolutionWithReadableSnippet()
    {
        Ingest.Paths(IndexPath, TestPaths.Fixture("Languages/resolution_zh.txt"), TestPaths.SampleCorpus("nist_sp800-150_2016.pdf"));

        using var index = KeywordIndex.OpenForReading(IndexPath);
        var security = index.Search(new SearchRequest("网络安全", 3)).Hits;
        var spam = index.Search(new SearchRequest("垃圾信息", 3)).Hits;

        Assert.All(security.Concat(spam), h => Assert.EndsWith("resolution_zh.txt", h.Source));
        Assert.Contains("<mark>网络安全</mark>", security[0].Snippet);
    }

    [SharedCorpusFact]
    public void Ingest_PdfWithGarbageTextLayer_IsFoundByItsIdentifierWithItsOcrText()
    {
        // Its fonts map no glyph to a character: all seven pages are read by OCR instead.
        Ingest.Paths(IndexPath, TestPaths.SharedCorpus("pdf/cn_gb-t_17859-1999.pdf"), TestPaths.SampleCorpus("nist_sp800-150_2016.pdf"));

        using var index = KeywordIndex.OpenForReading(IndexPath);
        var hit = index.Search(new SearchRequest("GB 17859", 1)).Hits.Single();

        Assert.EndsWith("cn_gb-t_17859-1999.pdf", hit.Source);
        Assert.Contains("计算机信息系统", hit.Snippet);
        Assert.Equal(1, hit.PageStart);
    }

    [Fact]
    public void Search_SnippetOfMarkupInText_IsEscaped()
    {
        Ingest.Paths(IndexPath, _temp.Write("xss.txt", "Never trust <script>alert('owned')</script> in advisories.\n"));

        using var index = KeywordIndex.OpenForReading(IndexPath);
        var snippet = index.Search(new SearchRequest("advisories")).Hits.Single().Snippet;

        Assert.DoesNotContain("<script>", snippet);
        Assert.Contains("&lt;script&gt;", snippet);
    }

    [Fact]
    public void Search_OneDocumentMatchingEverywhere_GivesOtherDocumentsRoomAfterThreePassages()
    {
        var clauses = Enumerable.Range(1, 6).Select(i => $"{i} Clause {i}\n\nLighthouse keepers maintain the lighthouse lamp, lighthouse log {i}.\n");
        var manual = _temp.Write("manual.txt", string.Join("\n", clauses));
        var other = _temp.Write("other.txt", "Harbour notes\n\nA single mention of a lighthouse among many other words about harbours and ships.\n");
        Ingest.Paths(IndexPath, manual, other);

        using var index = KeywordIndex.OpenForReading(IndexPath);
        var hits = index.Search(new SearchRequest("lighthouse", 7)).Hits;

        Assert.Equal(7, hits.Count);
        Assert.All(hits.Take(3), h => Assert.EndsWith("manual.txt", h.Source));
        Assert.EndsWith("other.txt", hits[3].Source);
        Assert.All(hits.Skip(4), h => Assert.EndsWith("manual.txt", h.Source));
    }

    [Fact]
    public void Ingest_SameFilesTwice_SecondRunChangesNothing()
    {
        var first = Ingest.Paths(IndexPath, TestPaths.SampleCorpus("nist_sp800-150_2016.pdf"));
        var records = ListDocuments();

        var second = Ingest.Paths(IndexPath, TestPaths.SampleCorpus("nist_sp800-150_2016.pdf"));

        Assert.Equal(IngestionStatus.Indexed, first.Outcomes.Single().Status);
        Assert.Equal(IngestionStatus.Unchanged, second.Outcomes.Single().Status);
        var after = ListDocuments().Single();
        Assert.Equal((records.Single().Id, records.Single().IngestedAt, records.Single().ChunkCount), (after.Id, after.IngestedAt, after.ChunkCount));
        using var index = KeywordIndex.OpenForReading(IndexPath);
        Assert.Equal(records.Single().ChunkCount, index.CountChunks(records.Single().Id));
    }

    [Fact]
    public void Ingest_ChangedFile_ReplacesAllOldChunks()
    {
        var path = _temp.Write("policy.txt", "1 Scope\n\nThe ministry maintains a zebrafish registry of incidents.\n");
        Ingest.Paths(IndexPath, path);
        var oldId = ListDocuments().Single().Id;

        File.WriteAllText(path, "1 Scope\n\nThe ministry maintains a narwhal registry of incidents.\n\n2 Roles\n\nThe national CIRT coordinates.\n");
        var outcome = Ingest.Paths(IndexPath, path).Outcomes.Single();

        using var index = KeywordIndex.OpenForReading(IndexPath);
        Assert.Equal(IngestionStatus.Replaced, outcome.Status);
        Assert.NotEqual(oldId, outcome.DocumentId);
        Assert.Empty(index.Search(new SearchRequest("zebrafish")).Hits);
        Assert.Single(index.Search(new SearchRequest("narwhal")).Hits);
        Assert.Equal(0, index.CountChunks(oldId));
        Assert.Equal(outcome.DocumentId, index.ListDocuments().Single().Id);
    }

    [Fact]
    public void Ingest_SameContentFromTwoSources_SecondIsSkippedAsDuplicate()
    {
        var a = _temp.Write("a/guide.txt", "Incident handling guide.\n\nContain, eradicate, recover.\n");
        var b = _temp.Write("b/copy-of-guide.txt", "Incident handling guide.\n\nContain, eradicate, recover.\n");

        Ingest.Paths(IndexPath, a);
        var outcome = Ingest.Paths(IndexPath, b).Outcomes.Single();

        Assert.Equal(IngestionStatus.Duplicate, outcome.Status);
        Assert.Contains(Path.GetFullPath(a), outcome.Reason);
        Assert.Single(ListDocuments());
    }

    [Fact]
    public void Delete_RemovesDocumentAndChunks_LeavesOthers()
    {
        Ingest.Paths(IndexPath, _temp.Write("one.txt", "Alpha lighthouse text.\n"), _temp.Write("two.txt", "Beta lighthouse text.\n"));
        using var index = KeywordIndex.OpenForWriting(IndexPath);
        var one = index.ListDocuments().Single(d => d.Source.EndsWith("one.txt", StringComparison.Ordinal));

        Assert.True(index.Delete(one.Id));

        Assert.False(index.Delete(one.Id));
        Assert.Null(index.GetDocument(one.Id));
        Assert.Equal(0, index.CountChunks(one.Id));
        Assert.Single(index.Search(new SearchRequest("lighthouse")).Hits);
    }

    [Fact]
    public void Ingest_BadFilesAmongGood_SkipsEachWithReasonAndIndexesTheRest()
    {
        var folder = _temp.Folder("mixed");
        _temp.Write("mixed/good.txt", "A national cybersecurity strategy.\n");
        File.WriteAllBytes(_temp.Combine("mixed", "empty.pdf"), []);
        File.WriteAllBytes(_temp.Combine("mixed", "noise.bin"), Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray());
        var pdf = File.ReadAllBytes(TestPaths.SampleCorpus("nist_sp800-150_2016.pdf"));
        File.WriteAllBytes(_temp.Combine("mixed", "truncated.pdf"), pdf[..(pdf.Length / 3)]);

        var summary = Ingest.Paths(IndexPath, folder);

        var byName = summary.Outcomes.ToDictionary(o => Path.GetFileName(o.File.Path));
        Assert.Equal(IngestionStatus.Indexed, byName["good.txt"].Status);
        Assert.Contains("empty", byName["empty.pdf"].Reason);
        Assert.Contains("unknown format", byName["noise.bin"].Reason);
        Assert.Equal(IngestionStatus.Failed, byName["truncated.pdf"].Status);
        Assert.False(summary.NothingIngested);
        Assert.Single(ListDocuments());
    }

    [Fact]
    public void Ingest_OnlyBadFiles_ReportsNothingIngested()
    {
        File.WriteAllBytes(_temp.Combine("zero.txt"), []);

        var summary = Ingest.Paths(IndexPath, _temp.Combine("zero.txt"));

        Assert.True(summary.NothingIngested);
        Assert.Empty(ListDocuments());
    }

    public void Dispose() => _temp.Dispose();

    private IReadOnlyList<Core.Documents.DocumentRecord> ListDocuments()
    {
        using var index = KeywordIndex.OpenForReading(IndexPath);
        return index.ListDocuments();
    }
}
