using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using KnowledgeBase.Api.Tests.Support;
using KnowledgeBase.Core.Compare;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Api.Tests;

/// <summary>POST /api/compare on a real Kestrel socket: JSON, CSV for spreadsheets, and 400s that name the field.</summary>
public sealed class CompareTests : IDisposable
{
    private static readonly Dictionary<string, string?> KeywordsOnly = new() { ["KnowledgeBase:Embeddings:Provider"] = "none" };

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Compare_answers_json_and_csv_and_refuses_bad_input_naming_the_field()
    {
        using var host = ApiHost.In(_folder, KeywordsOnly, kestrel: true);
        using var writer = host.CreateWriter();
        await UploadAsync(writer, "strategie-benin.txt", """{"countryCode": "BJ", "year": 2020}""",
            "Stratégie nationale de sécurité numérique du Bénin.\n\nLe Gouvernement créera un CSIRT national chargé de la réponse aux incidents informatiques. " +
            "Le CSIRT national coordonne les CSIRT sectoriels, publie des alertes et recueille le signalement d'incidents de sécurité.");
        var body = new { rows = new { countries = new[] { "BJ", "SN" } }, topics = new object[] { "national-cirt", "child-online-protection", new { title = "alertes" } } };

        var json = await ReadJsonAsync(await writer.PostAsync("/api/compare", Calls.Json(body)));

        Assert.Equal(["BJ", "SN"], json["rows"]!.AsArray().Select(r => r!["key"]!.GetValue<string>()));
        Assert.Equal(["national-cirt", "child-online-protection", "alertes"], json["topics"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()));
        var cells = json["cells"]!.AsArray();
        Assert.Equal(6, cells.Count);
        var cirt = Cell(cells, "BJ", "national-cirt");
        Assert.NotEqual("not-found", cirt["verdict"]!.GetValue<string>());
        var passage = cirt["passages"]![0]!;
        Assert.Contains("<mark>", passage["snippet"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith($"/api/documents/{passage["documentId"]!.GetValue<string>()}/file#page=", passage["link"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("fr", passage["language"]!.GetValue<string>());
        Assert.Equal("not-found", Cell(cells, "BJ", "child-online-protection")["verdict"]!.GetValue<string>());
        Assert.Equal("mentioned", Cell(cells, "BJ", "alertes")["verdict"]!.GetValue<string>());
        Assert.Equal("no-documents", Cell(cells, "SN", "national-cirt")["verdict"]!.GetValue<string>());

        using var csvResponse = await writer.PostAsync("/api/compare?format=csv", Calls.Json(body));
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = CsvLines.Parse(Encoding.UTF8.GetString(bytes));
        Assert.Equal(CompareCsv.Header, lines[0]);
        Assert.Equal(cells.Select(c => (c!["row"]!.GetValue<string>(), c["topic"]!.GetValue<string>(), c["verdict"]!.GetValue<string>())),
            lines.Skip(1).Select(l => (l[0], l[4], l[6])));
        Assert.Equal(writer.BaseAddress + passage["link"]!.GetValue<string>().TrimStart('/'), lines.Skip(1).Single(l => l[4] == "national-cirt" && l[0] == "BJ")[15]);

        await AssertRefusedAsync(writer, """{"rows": {"countries": ["XX"]}, "topics": ["national-cirt"]}""", "rows.countries");
        await AssertRefusedAsync(writer, """{"rows": {"region": "Atlantis"}, "topics": ["national-cirt"]}""", "rows.region");
        await AssertRefusedAsync(writer, """{"rows": {"countries": ["BJ"]}, "topics": ["space-lasers"]}""", "topics[0]");
        await AssertRefusedAsync(writer, """{"rows": {"countries": ["BJ"]}, "topics": [{"phrasings": ["x"]}]}""", "topics[0].title");
        await AssertRefusedAsync(writer, """{"rows": {"countries": ["BJ"]}}""", "topics");
        await AssertRefusedAsync(writer, """{"topics": ["national-cirt"]}""", "rows");
        await AssertRefusedAsync(writer, """{"rows": {"countries": ["BJ"]}, "topics": ["national-cirt"], "maxPassages": 99}""", "maxPassages");
    }

    [SharedCorpusFact]
    public async Task Real_French_strategies_a_national_CSIRT_is_addressed_absent_child_protection_is_not_found_and_csv_round_trips()
    {
        using var host = ApiHost.In(_folder, KeywordsOnly, kestrel: true);
        using var writer = host.CreateWriter();
        await Calls.IngestAsync(writer, TestPaths.SharedCorpus("text/ncss_mauritania_2022_fr.txt"));
        await Calls.IngestAsync(writer, TestPaths.SharedCorpus("text/ncss_togo_2024_fr.txt"));
        var body = new { rows = new { countries = new[] { "MR", "TG" } }, topics = new[] { "national-cirt", "child-online-protection" }, maxPassages = 2 };

        var cells = (await ReadJsonAsync(await writer.PostAsync("/api/compare", Calls.Json(body))))["cells"]!.AsArray();
        using var csvResponse = await writer.PostAsync("/api/compare?format=csv", Calls.Json(body));
        var lines = CsvLines.Parse(await csvResponse.Content.ReadAsStringAsync());

        var cirt = Cell(cells, "MR", "national-cirt");
        Assert.Equal("addressed", cirt["verdict"]!.GetValue<string>());
        Assert.Contains(cirt["passages"]!.AsArray(), p => p!["snippet"]!.GetValue<string>().Contains("<mark>CSIRT</mark>", StringComparison.Ordinal));
        var childProtection = Cell(cells, "TG", "child-online-protection");
        Assert.Equal("not-found", childProtection["verdict"]!.GetValue<string>());
        Assert.Empty(childProtection["passages"]!.AsArray());
        Assert.Equal(cells.Select(c => (c!["row"]!.GetValue<string>(), c["topic"]!.GetValue<string>(), c["verdict"]!.GetValue<string>(), c["score"]!.GetValue<double>())),
            lines.Skip(1).Select(l => (l[0], l[4], l[6], double.Parse(l[7], System.Globalization.CultureInfo.InvariantCulture))));
    }

    public void Dispose() => _folder.Dispose();

    private static JsonNode Cell(JsonArray cells, string row, string topic) =>
        cells.Single(c => c!["row"]!.GetValue<string>() == row && c["topic"]!.GetValue<string>() == topic)!;

    private static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
            return JsonNode.Parse(text)!;
        }
    }

    private static async Task AssertRefusedAsync(HttpClient client, string json, string field)
    {
        var problem = await Calls.ProblemAsync(await client.PostAsync("/api/compare", Calls.JsonContent(json)), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    private static async Task UploadAsync(HttpClient writer, string name, string meta, string text)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "files", name);
        form.Add(new StringContent(meta, Encoding.UTF8, "application/json"), $"{name}.meta");
        var job = await Calls.WaitForJobAsync(writer, await Calls.UploadAsync(writer, form));
        Assert.Equal("succeeded", job["files"]![0]!["state"]!.GetValue<string>());
    }
}
