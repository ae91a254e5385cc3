using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KnowledgeBase.Api.Tests.Support;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Api.Tests;

/// <summary>GET /api/collection: the documents per ITU-D region and country, those of no country apart.</summary>
public sealed class CollectionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Collection_groups_documents_by_region_and_country_with_type_language_and_year()
    {
        using var host = ApiHost.In(_folder);
        using var writer = host.CreateWriter();
        var form = Calls.Files(
            ("benin.txt", Encoding.UTF8.GetBytes("Stratégie nationale de cybersécurité du Bénin\n\nLe Bénin protège ses infrastructures critiques.")),
            ("togo.txt", Encoding.UTF8.GetBytes("Stratégie nationale de cybersécurité du Togo\n\nLe Togo protège ses infrastructures critiques.")),
            ("norway.txt", Encoding.UTF8.GetBytes("National cyber security strategy for Norway\n\nNorway protects its critical infrastructure.")),
            ("guide.txt", Encoding.UTF8.GetBytes("Guide to developing a national cybersecurity strategy\n\nA strategy protects critical infrastructure.")));
        form.Add(Calls.JsonContent("""{"countryCode": "BJ", "type": "national-strategy", "year": 2020, "language": "fr"}"""), "benin.txt.meta");
        form.Add(Calls.JsonContent("""{"countryCode": "TG", "type": "national-strategy", "year": 2024}"""), "togo.txt.meta");
        form.Add(Calls.JsonContent("""{"countryCode": "NO", "type": "national-strategy", "year": 2019}"""), "norway.txt.meta");
        var job = await Calls.WaitForJobAsync(writer, await Calls.UploadAsync(writer, form));
        var ids = job["files"]!.AsArray().ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!["documentId"]!.GetValue<string>());

        var collection = await Calls.GetJsonAsync(writer, "/api/collection");

        Assert.Equal(4, collection["documentCount"]!.GetValue<int>());
        Assert.Equal((2019, 2024), (collection["firstYear"]!.GetValue<int>(), collection["lastYear"]!.GetValue<int>()));
        var regions = collection["regions"]!.AsArray();
        Assert.Equal(["Africa", "Europe"], regions.Select(r => r!["region"]!.GetValue<string>()));
        var africa = regions[0]!;
        Assert.Equal(2, africa["documentCount"]!.GetValue<int>());
        Assert.Equal(["BJ", "TG"], africa["countries"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()));
        var benin = africa["countries"]![0]!["documents"]!.AsArray().Single()!;
        Assert.Equal(ids["benin.txt"], benin["id"]!.GetValue<string>());
        Assert.Equal(("national-strategy", "fr", 2020), (benin["type"]!.GetValue<string>(), benin["language"]!.GetValue<string>(), benin["year"]!.GetValue<int>()));
        Assert.Equal($"/api/documents/{ids["benin.txt"]}", benin["link"]!.GetValue<string>());
        Assert.Equal(ids["guide.txt"], collection["international"]!.AsArray().Single()!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Collection_of_an_empty_index_is_empty_not_an_error()
    {
        using var host = ApiHost.In(_folder);
        using var client = host.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/collection", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var collection = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(0, collection["documentCount"]!.GetValue<int>());
        Assert.Empty(collection["regions"]!.AsArray());
    }

    public void Dispose() => _folder.Dispose();
}
