using System.Text.RegularExpressions;
using KnowledgeBase.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeBase.Web.Tests;

/// <summary>The views for rapporteurs in Chromium against the real service: Compare, Collection and answers per country.</summary>
public sealed class ComparePageTests(CountryStrategies corpus) : IClassFixture<CountryStrategies>
{
    [Fact]
    public async Task Compare_fills_a_grid_by_verdict_whose_cells_open_their_passages_and_export()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, dialogs) = await browser.OpenAsync(corpus.BaseAddress);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Compare", Exact = true }).ClickAsync();

        foreach (var country in new[] { "Benin", "Togo", "Ghana" })
        {
            await page.GetByLabel(country, new() { Exact = true }).CheckAsync();
        }
        await page.Locator("#compare-topics input[value=national-cirt]").CheckAsync();
        await page.Locator("#compare-topics input[value=child-online-protection]").CheckAsync();
        await page.GetByLabel("Your own topic").FillAsync("cyberespace sûr");
        await Browser.ScreenshotAsync(page, "20-compare-choices");
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();

        await Expect(page.Locator("#compare-status")).ToContainTextAsync("3 rows × 3 topics");
        await Expect(page.Locator("#compare-grid button.verdict")).ToHaveCountAsync(9);
        await Expect(Cell(page, "Benin", "National CIRT / CERT / CSIRT")).ToContainTextAsync("Addressed");
        await Expect(Cell(page, "Togo", "National CIRT / CERT / CSIRT")).ToContainTextAsync("Mentioned only");
        await Expect(Cell(page, "Ghana", "National CIRT / CERT / CSIRT")).ToContainTextAsync("Not found");
        await Expect(Cell(page, "Ghana", "Child online protection")).ToContainTextAsync("Addressed");
        await Expect(Cell(page, "Togo", "cyberespace sûr")).Not.ToContainTextAsync("Not found");
        await Browser.ScreenshotAsync(page, "21-compare-grid");

        // The keyboard opens a cell: its passages, each linking to the passage in context and to the PDF at its page.
        await Cell(page, "Benin", "National CIRT / CERT / CSIRT").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var detail = page.Locator("#compare-detail");
        await Expect(detail.Locator("h3")).ToBeFocusedAsync();
        await Expect(detail.Locator("h3")).ToContainTextAsync("Benin × National CIRT / CERT / CSIRT: Addressed");
        await Expect(detail.Locator(".hit mark").First).ToBeVisibleAsync();
        await Expect(detail.Locator(".hit a[target=_blank]").First)
            .ToHaveAttributeAsync("href", $"/api/documents/{corpus.Ids["benin-strategy.txt"]}/file#page=1");
        await Browser.ScreenshotAsync(page, "22-compare-cell-passages");

        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());
        var csvText = await File.ReadAllTextAsync((await csv.PathAsync())!);
        Assert.Equal("comparison.csv", csv.SuggestedFilename);
        Assert.Contains("Benin", csvText, StringComparison.Ordinal);
        Assert.Contains("addressed", csvText, StringComparison.Ordinal);
        var markdown = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download Markdown" }).ClickAsync());
        var markdownText = await File.ReadAllTextAsync((await markdown.PathAsync())!);
        Assert.Contains("| Country | National CIRT / CERT / CSIRT | Child online protection | cyberespace sûr |", markdownText, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"\| Ghana \| ○ Not found \| ● Addressed \|"), markdownText);

        await detail.Locator(".hit h4 a").First.ClickAsync();
        await Expect(page.Locator("#document-view")).ToBeVisibleAsync();
        await Expect(page.Locator("#passage")).ToBeVisibleAsync();
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task Compare_at_phone_width_scrolls_the_grid_sideways_a_region_gives_its_countries_and_the_address_keeps_it()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, _) = await browser.OpenAsync(corpus.BaseAddress, width: 390, height: 844);
        await page.GotoAsync("/?view=compare");

        await page.GetByLabel("or a whole region").SelectOptionAsync("Africa");
        foreach (var topic in new[] { "governance", "national-cirt", "child-online-protection", "critical-infrastructure" })
        {
            await page.Locator($"#compare-topics input[value={topic}]").CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();

        await Expect(page.Locator("#compare-status")).ToContainTextAsync("3 rows × 4 topics");
        var grid = page.Locator("#compare-grid");
        Assert.True(await grid.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth"), "the grid should scroll sideways at phone width");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page itself should not scroll sideways");
        await Browser.ScreenshotAsync(page, "23-compare-phone");

        // The address holds the comparison: loading it again ticks the same choices and fills the grid again.
        Assert.Contains("region=Africa", page.Url, StringComparison.Ordinal);
        await page.ReloadAsync();
        await Expect(page.GetByLabel("or a whole region")).ToHaveValueAsync("Africa");
        await Expect(page.Locator("#compare-topics input[value=child-online-protection]")).ToBeCheckedAsync();
        await Expect(page.Locator("#compare-status")).ToContainTextAsync("3 rows × 4 topics");
    }

    [Fact]
    public async Task Compare_shows_progress_and_the_finished_columns_while_the_next_topic_is_searched()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, _) = await browser.OpenAsync(corpus.BaseAddress);
        // The second topic's request is held until the first column has been checked: the grid fills a topic at a time.
        var release = new TaskCompletionSource();
        var calls = 0;
        await page.RouteAsync("**/api/compare", async route =>
        {
            if (Interlocked.Increment(ref calls) == 2)
            {
                await release.Task;
            }
            await route.ContinueAsync();
        });
        await page.GotoAsync("/?view=compare");
        await page.GetByLabel("Benin", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Ghana", new() { Exact = true }).CheckAsync();
        await page.Locator("#compare-topics input[value=national-cirt]").CheckAsync();
        await page.Locator("#compare-topics input[value=child-online-protection]").CheckAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();

        await Expect(page.Locator("#compare-status")).ToHaveTextAsync("Comparing: topic 2 of 2…");
        await Expect(page.Locator("#compare-grid button.verdict")).ToHaveCountAsync(2);
        await Expect(page.Locator("#compare-grid .pending")).ToHaveCountAsync(2);
        await Expect(page.Locator("#compare-grid")).ToHaveAttributeAsync("aria-busy", "true");
        await Browser.ScreenshotAsync(page, "28-compare-filling");
        release.SetResult();
        await Expect(page.Locator("#compare-grid button.verdict")).ToHaveCountAsync(4);
        await Expect(page.Locator("#compare-grid")).Not.ToHaveAttributeAsync("aria-busy", "true");
    }

    [Fact]
    public async Task Collection_draws_a_mark_per_country_and_year_that_opens_or_lists_its_documents()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, _) = await browser.OpenAsync(corpus.BaseAddress);
        await page.GotoAsync("/?view=collection");

        await Expect(page.Locator("#collection-status")).ToContainTextAsync("5 documents: 3 countries in 1 regions, 1 of no country.");
        var marks = page.Locator("#collection-chart a.mark");
        await Expect(marks).ToHaveCountAsync(4);
        await Expect(page.Locator("#collection-chart a.mark[aria-label^='Ghana, 2015']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#collection-legend")).ToContainTextAsync("National strategy");
        await Browser.ScreenshotAsync(page, "24-collection-timeline");

        // Benin 2020 holds a strategy and a decree: the mark lists both.
        var benin = page.Locator("#collection-chart a.mark[aria-label='Benin, 2020: 2 documents']");
        await benin.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#collection-picked h3")).ToBeFocusedAsync();
        await Expect(page.Locator("#collection-picked li a")).ToHaveCountAsync(2);
        await Browser.ScreenshotAsync(page, "25-collection-picked");

        await page.Locator("#collection-chart a.mark[aria-label^='Ghana, 2015']").ClickAsync();
        await Expect(page.Locator("#document-view")).ToBeVisibleAsync();
        Assert.Contains(corpus.Ids["ghana-strategy.txt"], page.Url, StringComparison.Ordinal);

        await page.GoBackAsync();
        await page.GetByLabel("One row per region").CheckAsync();
        await Expect(page.Locator("#collection-chart text.country")).ToHaveTextAsync(["Africa", "International (no country)"]);
    }

    [Fact]
    public async Task Collection_at_phone_width_scrolls_the_picture_not_the_page()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, _) = await browser.OpenAsync(corpus.BaseAddress, width: 390, height: 844);
        await page.GotoAsync("/?view=collection");

        await Expect(page.Locator("#collection-chart a.mark").First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page itself should not scroll sideways");
        await Browser.ScreenshotAsync(page, "26-collection-phone");
    }

    [Fact]
    public async Task Ask_naming_two_countries_shows_a_part_for_each_citing_only_its_documents()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, _) = await browser.OpenAsync(corpus.BaseAddress);
        await page.GotoAsync("/?view=ask");

        await page.GetByLabel("Your question").FillAsync("Le Bénin et le Togo ont-ils un CERT national ?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();

        var answer = page.Locator("#chat .turn.assistant").Last;
        var parts = answer.Locator("section.country-part");
        await Expect(parts).ToHaveCountAsync(2);
        await Expect(parts.Nth(0).Locator("h3")).ToHaveTextAsync("Bénin (Benin)");
        await Expect(parts.Nth(1).Locator("h3")).ToHaveTextAsync("Togo");
        await Browser.ScreenshotAsync(page, "27-ask-per-country");
        foreach (var (index, file) in new[] { (0, "benin-strategy.txt"), (1, "togo-strategy.txt") })
        {
            var markers = parts.Nth(index).Locator("a.marker");
            if (index == 0)
            {
                await Expect(markers.First).ToBeVisibleAsync();
            }
            foreach (var href in await markers.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            {
                Assert.Contains($"doc={corpus.Ids[file]}", href, StringComparison.Ordinal);
            }
        }
    }

    private static ILocator Cell(IPage page, string country, string topic) =>
        page.Locator($"#compare-grid button.verdict[aria-label^='{country}, {topic}:']");
}
