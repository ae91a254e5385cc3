using KnowledgeBase.Core.Ingestion.Chunking;
using KnowledgeBase.Core.Ingestion.Parsing;

namespace KnowledgeBase.Tests.Chunking;

public sealed class ControlNumberingTests
{
    [Fact]
    public void Detect_HyphenatedControlNumbers_BecomeClauses_ArabicIndicDigitsIgnored()
    {
        var builder = new ExtractedTextBuilder();
        foreach (var (id, arabic, text) in new[]
        {
            ("1-1-1", "١-١-١", "A cybersecurity strategy must be defined, documented and approved."),
            ("1-1-2", "١-١-٢", "A roadmap must be executed to implement the strategy."),
            ("1-2-1", "١-٢-١", "A dedicated cybersecurity function must be established."),
        })
        {
            builder.AppendLine($"[{id}] [{arabic}]");
            builder.AppendLine("Subdomain: ۱-۱ إستراتيجية الأمن السيبراني");
            builder.AppendLine($"EN: {text}");
            builder.AppendParagraphBreak();
        }
        var document = builder.Build(MediaTypes.PlainText, "controls");

        var headings = ClauseDetector.Detect(document);

        Assert.Equal(["1-1-1", "1-1-2", "1-2-1"], headings.Select(h => h.Label));
        Assert.All(headings, h => Assert.Equal(3, h.Level));
    }
}
