using KnowledgeBase.Api.Tests.Support;
using KnowledgeBase.Tests.Support;
using KnowledgeBase.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeBase.Web.Tests;

/// <summary>Upload from the page with an API key, following the job until each file has its outcome.</summary>
public sealed class UploadPageTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Upload_with_the_key_shows_each_file_succeed_or_fail_with_its_reason()
    {
        using var host = ApiHost.In(_folder, kestrel: true);
        using var client = host.CreateClient();
        await using var browser = await Browser.LaunchAsync();
        var (page, _) = await browser.OpenAsync(client.BaseAddress!);
        await page.GotoAsync("/?view=upload");
        var note = new FilePayload
        {
            Name = "tabletop-exercise-note.txt",
            MimeType = "text/plain",
            Buffer = "Tabletop exercise note\n\nThe incident response team rehearses ransomware containment every quarter."u8.ToArray(),
        };
        var broken = new FilePayload { Name = "broken.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\nnot really a PDF"u8.ToArray() };

        await page.GetByLabel("API key").FillAsync("wrong-key-0123456789");
        await page.Locator("#files").SetInputFilesAsync(new[] { note });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Expect(page.Locator("#upload-status")).ToContainTextAsync("The key was refused");

        await page.GetByLabel("API key").FillAsync(ApiHost.Key);
        await page.Locator("#files").SetInputFilesAsync(new[] { note, broken });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Expect(page.Locator(".file[data-state=succeeded]", new() { HasText = note.Name })).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Expect(page.Locator(".file[data-state=failed]", new() { HasText = broken.Name }).Locator(".reason")).Not.ToBeEmptyAsync(new() { Timeout = 120_000 });
        Assert.Equal(ApiHost.Key, await page.EvaluateAsync<string>("() => sessionStorage.getItem('kb.apiKey')"));
        await Browser.ScreenshotAsync(page, "12-upload-job-outcomes");

        await page.Locator(".file[data-state=succeeded] a").ClickAsync();
        await Expect(page.Locator("#doc-title")).ToHaveTextAsync("Tabletop exercise note");
        var search = await Calls.SearchAsync(client, "q=ransomware+containment");
        Assert.Single(Calls.HitDocuments(search).Distinct());
    }

    public void Dispose() => _folder.Dispose();
}
