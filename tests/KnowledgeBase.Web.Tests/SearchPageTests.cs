using System.Text.RegularExpressions;
using KnowledgeBase.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeBase.Web.Tests;

/// <summary>The page at / in Chromium against the real service: search, filters, documents, answers, hostile and RTL text.</summary>
public sealed class SearchPageTests(ServedCorpus corpus) : IClassFixture<ServedCorpus>
{
    [Fact]
    public async Task Search_filter_open_the_passage_and_ask_with_citations_that_open_passages()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, dialogs) = await browser.OpenAsync(corpus.BaseAddress);
        await page.GotoAsync("/");

        await page.GetByLabel("Search the guidance").FillAsync("incident response");
        await page.GetByLabel("Search the guidance").PressAsync("Enter");
        await Expect(page.Locator("#results .hit").First).ToBeVisibleAsync();
        Assert.Contains("q=incident+response", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#results .hit mark").First).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "01-search-results");

        await page.Locator("#facets input[name=year][value='2012']").CheckAsync();
        await page.WaitForURLAsync(new Regex("year=2012"));
        await Expect(page.Locator("#facets input[name=year][value='2012']")).ToBeCheckedAsync();
        await Expect(page.Locator("#results .hit .identifier").First).ToHaveTextAsync("SP 800-61r2");
        await Expect(page.Locator("#results .hit .identifier").Filter(new() { HasNotText = "SP 800-61r2" })).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(page, "02-search-filtered-by-year");

        // The URL is the search: loading it again runs it with the same filter.
        await page.GotoAsync(page.Url);
        await Expect(page.Locator("#facets input[name=year][value='2012']")).ToBeCheckedAsync();
        await Expect(page.Locator("#results .hit").First).ToBeVisibleAsync();

        var first = page.Locator("#results .hit").First;
        var pdfLink = await first.Locator("a[target=_blank]").GetAttributeAsync("href");
        var pageNumber = Regex.Match(pdfLink!, "#page=(\\d+)$").Groups[1].Value;
        await first.Locator("h3 a").ClickAsync();
        await Expect(page.Locator("#document-view")).ToBeVisibleAsync();
        await Expect(page.Locator("#passage")).ToBeVisibleAsync();
        var documentId = Regex.Match(page.Url, "[?&]doc=([0-9a-f]+)").Groups[1].Value;
        await Expect(page.Locator("#doc-open-link")).ToHaveAttributeAsync("href", $"/api/documents/{documentId}/file#page={pageNumber}");
        await Expect(page.Locator("#doc-similar .hit").First).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "03-document-passage-in-context");

        await page.GetByRole(AriaRole.Link, new() { Name = "Ask", Exact = true }).ClickAsync();
        await page.GetByLabel("Your question").FillAsync("What is an incident response team?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        var answer = page.Locator("#chat .turn.assistant").Last;
        await Expect(answer.Locator(".marker").First).ToBeVisibleAsync();
        await Expect(answer.Locator(".badge")).ToContainTextAsync("Quoted from the sources");
        await Expect(answer.Locator(".sources li").First).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "04-ask-extractive-answer");

        var quoted = await answer.Locator(".answer-text").EvaluateAsync<string>("e => e.firstChild.textContent.trim()");
        await answer.Locator(".marker").First.ClickAsync();
        await Expect(page.Locator("#document-view")).ToBeVisibleAsync();
        await Expect(page.Locator("#passage")).ToBeVisibleAsync();
        // The quoted sentence is found in the page whatever its line breaks; a list item's bullet is not highlighted.
        var highlighted = await page.Locator("#passage").TextContentAsync();
        Assert.Equal(Words(quoted.TrimStart('•', '·', '-', ' ')), Words(highlighted!));
        await Browser.ScreenshotAsync(page, "05-citation-opens-passage");

        // Back in the chat, a follow-up carries the conversation.
        await page.GoBackAsync();
        await Expect(page.Locator("#chat .turn.assistant")).ToHaveCountAsync(1);
        await page.GetByLabel("Your question").FillAsync("Who should lead it?");
        var request = await page.RunAndWaitForRequestAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync(),
            r => r.Url.EndsWith("/api/ask", StringComparison.Ordinal));
        Assert.Contains("What is an incident response team?", request.PostData, StringComparison.Ordinal);
        await Expect(page.Locator("#chat .turn.assistant").Last.Locator(".answer-text")).Not.ToHaveTextAsync(new Regex("^Searching|answering…$"));
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task Filters_that_hide_everything_say_so_and_can_be_removed_then_mode_and_page_go_in_the_url()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, _) = await browser.OpenAsync(corpus.BaseAddress);

        await page.GotoAsync("/?q=incident+handling+guide&lang=ar&year=2012");
        await Expect(page.Locator("#search-status")).ToContainTextAsync("No passages match");
        await Browser.ScreenshotAsync(page, "06-empty-result-with-filters");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove all filters" }).ClickAsync();

        await Expect(page.Locator("#results .hit").First).ToBeVisibleAsync();
        Assert.DoesNotContain("lang=", page.Url, StringComparison.Ordinal);

        await page.GetByLabel("Both (hybrid)").CheckAsync();
        await page.WaitForURLAsync(new Regex("mode=hybrid"));
        await Expect(page.Locator("#results .hit").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Next →" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("page=2"));
        await Expect(page.Locator("#search-status")).ToContainTextAsync("11–");
        Assert.Contains("mode=hybrid", page.Url, StringComparison.Ordinal);
        await page.GoBackAsync();
        await Expect(page.Locator("#search-status")).ToContainTextAsync("1–10");
    }

    [Fact]
    public async Task Document_text_with_a_script_tag_is_shown_as_text_and_never_runs()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, dialogs) = await browser.OpenAsync(corpus.BaseAddress);

        await page.GotoAsync("/?q=scanner+bulletin+patching");
        var hit = page.Locator("#results .hit", new() { HasText = "Markup advisory" });
        await Expect(hit.Locator(".snippet")).ToContainTextAsync(ServedCorpus.ScriptMarkup);
        await hit.Locator("h3 a").ClickAsync();
        await Expect(page.Locator("#doc-text")).ToContainTextAsync(ServedCorpus.ScriptMarkup);
        await Browser.ScreenshotAsync(page, "07-script-tag-shown-as-text");

        Assert.Equal(0, await page.Locator("main script").CountAsync());
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task Arabic_results_and_text_read_right_to_left()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, _) = await browser.OpenAsync(corpus.BaseAddress);

        await page.GotoAsync("/?q=" + Uri.EscapeDataString("الأمن السيبراني"));
        var hit = page.Locator("#results .hit").First;
        await Expect(hit.Locator(".snippet")).ToContainTextAsync("السيبراني");

        Assert.Equal("rtl", await Direction(hit.Locator("h3 a")));
        Assert.Equal("rtl", await Direction(hit.Locator(".snippet")));
        await Browser.ScreenshotAsync(page, "08-arabic-result-rtl");
        await hit.Locator("h3 a").ClickAsync();
        await Expect(page.Locator("#passage")).ToBeVisibleAsync();
        Assert.Equal("rtl", await Direction(page.Locator("#doc-title")));
        Assert.Equal("rtl", await Direction(page.Locator("#doc-text .page-text").First));
    }

    [Fact]
    public async Task Phone_width_pages_do_not_scroll_sideways()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, _) = await browser.OpenAsync(corpus.BaseAddress, width: 375, height: 812);

        await page.GotoAsync("/?q=incident+response+team");
        await Expect(page.Locator("#results .hit").First).ToBeVisibleAsync();
        Assert.False(await ScrollsSideways(page));
        await Browser.ScreenshotAsync(page, "09-phone-search");

        await page.Locator("#results .hit h3 a").First.ClickAsync();
        await Expect(page.Locator("#passage")).ToBeVisibleAsync();
        Assert.False(await ScrollsSideways(page));
        await Browser.ScreenshotAsync(page, "10-phone-document");

        await page.GotoAsync("/?view=ask");
        await page.GetByLabel("Your question").FillAsync("How should incidents be prioritized?");
        await page.GetByLabel("Your question").PressAsync("Enter");
        await Expect(page.Locator("#chat .turn.assistant .answer-text").Last).ToBeVisibleAsync();
        await Expect(page.Locator("#chat .turn.assistant[aria-busy]")).ToHaveCountAsync(0);
        Assert.False(await ScrollsSideways(page));
        await Browser.ScreenshotAsync(page, "11-phone-ask");
    }

    [Fact]
    public async Task Keyboard_alone_searches_and_opens_a_result_with_visible_focus()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, _) = await browser.OpenAsync(corpus.BaseAddress);
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await TabUntilAsync(page, "() => document.activeElement.id === 'q'");
        await page.Keyboard.TypeAsync("incident handling checklist");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#results .hit").First).ToBeVisibleAsync();
        await TabUntilAsync(page, "() => document.activeElement.matches('#results .hit h3 a')");
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        await Browser.ScreenshotAsync(page, "13-keyboard-focus-on-result");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#document-view")).ToBeVisibleAsync();
        await Expect(page.Locator("#passage")).ToBeFocusedAsync();
    }

    private static async Task TabUntilAsync(IPage page, string condition)
    {
        for (var i = 0; i < 60 && !await page.EvaluateAsync<bool>(condition); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.True(await page.EvaluateAsync<bool>(condition), $"Tab never reached: {condition}");
    }

    private static string Words(string text) => Regex.Replace(text, "\\s+", " ").Trim();

    private static Task<string> Direction(ILocator locator) => locator.EvaluateAsync<string>("e => getComputedStyle(e).direction");

    private static Task<bool> ScrollsSideways(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
}
