using System.Text;
using KnowledgeBase.Api.Tests.Support;
using KnowledgeBase.Tests.Support;
using KnowledgeBase.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeBase.Web.Tests;

/// <summary>Two editions of one Recommendation: the old one says it is superseded and leads to the one in force.</summary>
public sealed class EditionPageTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Superseded_edition_shows_the_chain_and_links_to_the_edition_in_force()
    {
        using var host = ApiHost.In(_folder, kestrel: true);
        using var writer = host.CreateWriter();
        var form = Calls.Files(
            ("x1056-2009.txt", Encoding.UTF8.GetBytes("Security incident management guidelines\n\nFirst edition: triage of incidents by operators.")),
            ("x1056-2021.txt", Encoding.UTF8.GetBytes("Security incident management guidelines\n\nSecond edition: triage of incidents by operators and suppliers.")));
        form.Add(Calls.JsonContent("""{"type": "itu-t-recommendation", "identifier": "X.1056", "approvalDate": "2009-01"}"""), "x1056-2009.txt.meta");
        form.Add(Calls.JsonContent("""{"type": "itu-t-recommendation", "identifier": "X.1056", "approvalDate": "2021-03"}"""), "x1056-2021.txt.meta");
        var job = await Calls.WaitForJobAsync(writer, await Calls.UploadAsync(writer, form));
        var ids = job["files"]!.AsArray().ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!["documentId"]!.GetValue<string>());
        await using var browser = await Browser.LaunchAsync();
        var (page, _) = await browser.OpenAsync(writer.BaseAddress!);

        await page.GotoAsync($"/?doc={ids["x1056-2009.txt"]}");

        await Expect(page.Locator("#doc-editions .warning")).ToContainTextAsync("superseded");
        await Expect(page.Locator("#doc-editions ol li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#doc-editions li[aria-current]")).ToContainTextAsync("2009-01");
        await Browser.ScreenshotAsync(page, "15-superseded-edition");
        await page.Locator("#doc-editions .warning a").ClickAsync();
        await Expect(page.Locator("#doc-editions li[aria-current]")).ToContainTextAsync("2021-03");
        Assert.Contains(ids["x1056-2021.txt"], page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#doc-text")).ToContainTextAsync("Second edition");
    }

    public void Dispose() => _folder.Dispose();
}
