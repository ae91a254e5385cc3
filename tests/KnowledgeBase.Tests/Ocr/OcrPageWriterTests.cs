using KnowledgeBase.Core.Ingestion.Ocr;
using KnowledgeBase.Core.Ingestion.Parsing;

namespace KnowledgeBase.Tests.Ocr;

public sealed class OcrPageWriterTests
{
    [Fact]
    public void Write_HyphenAtLineEnd_JoinedWithinAParagraph_NotAcrossParagraphs()
    {
        var page = new OcrPage(1, [
            new OcrLine("Incidents should be handled by the inci-", 1, 100, 40),
            new OcrLine("dent response team as follows", 1, 150, 40),
            new OcrLine("See the hand-", 2, 250, 40),
            new OcrLine("the end of the list", 3, 350, 40),
        ], 90);
        var builder = new ExtractedTextBuilder();
        builder.StartPage(1);

        OcrPageWriter.Write(builder, page);

        var text = builder.Build(MediaTypes.Pdf, null).Text;
        Assert.Contains("handled by the incident\nresponse team as follows", text, StringComparison.Ordinal);
        Assert.Contains("See the hand-\n\nthe end", text, StringComparison.Ordinal);
    }
}
