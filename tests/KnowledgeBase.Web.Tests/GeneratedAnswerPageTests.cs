using KnowledgeBase.Api.Tests.Support;
using KnowledgeBase.Tests.Answers;
using KnowledgeBase.Tests.Support;
using KnowledgeBase.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeBase.Web.Tests;

/// <summary>A model-written answer in the chat, with a chat-completions server on loopback standing in for the hosted model.</summary>
public sealed class GeneratedAnswerPageTests : IDisposable
{
    private const string Reply = "Report incidents to the national centre within one hour [1]. Keep the evidence [9].";

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Generated_answer_is_labelled_drops_unknown_markers_and_its_citation_opens_the_passage()
    {
        using var model = new FakeChatServer(FakeChatServer.Reply.Text(Reply));
        var settings = new Dictionary<string, string?>
        {
            ["KnowledgeBase:Answers:Provider"] = "openai",
            ["KnowledgeBase:Answers:Endpoint"] = model.Endpoint,
            ["KnowledgeBase:Answers:Model"] = "test-model",
            ["KnowledgeBase:Answers:ApiKey"] = "none",
        };
        using var host = ApiHost.In(_folder, settings, kestrel: true);
        using var writer = host.CreateWriter();
        await Calls.IngestAsync(writer, TestPaths.RepoRoot + "/tests/KnowledgeBase.Tests/Fixtures/cisa-style-guidance.html");
        await using var browser = await Browser.LaunchAsync();
        var (page, _) = await browser.OpenAsync(writer.BaseAddress!);

        await page.GotoAsync("/?view=ask");
        await page.GetByLabel("Your question").FillAsync("How should incidents be reported?");
        await page.GetByLabel("Your question").PressAsync("Enter");

        var answer = page.Locator("#chat .turn.assistant").Last;
        await Expect(answer.Locator(".badge")).ToContainTextAsync("Written by the model");
        await Expect(answer.Locator(".answer-text")).ToContainTextAsync("within one hour [1]");
        await Expect(answer.Locator(".answer-text")).Not.ToContainTextAsync("[9]");
        await Expect(answer.Locator(".marker")).ToHaveCountAsync(1);
        await Browser.ScreenshotAsync(page, "14-ask-generated-answer");

        await answer.Locator(".marker").ClickAsync();
        await Expect(page.Locator("#document-view")).ToBeVisibleAsync();
        await Expect(page.Locator("#passage")).ToBeVisibleAsync();
    }

    public void Dispose() => _folder.Dispose();
}
