using System.Text;
using System.Text.Json.Nodes;
using KnowledgeBase.Api.Tests.Support;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Web.Tests.Support;

/// <summary>
/// The real service on Kestrel with short national strategies written for these tests (Benin and Togo in French,
/// Ghana in English) and a guide of no country, uploaded with sidecars naming country, type and year. Benin says much
/// about its CIRT, Togo mentions one in passing, Ghana none but protects children online. Read-only for its tests.
/// </summary>
public sealed class CountryStrategies : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();
    private ApiHost? _host;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Ids { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        _host = ApiHost.In(_folder, kestrel: true);
        Client = _host.CreateWriter();
        BaseAddress = Client.BaseAddress!;
        var form = Calls.Files(
            ("benin-strategy.txt", Text("""
                Stratégie nationale de cybersécurité du Bénin

                1 Gouvernance
                L'Agence nationale de la sécurité des systèmes d'information coordonne la cybersécurité nationale.

                2 Centre national de réponse aux incidents
                Le Bénin crée un CERT national, le bjCSIRT, qui reçoit les signalements d'incidents des opérateurs et coordonne la réponse.
                Le CSIRT national publie des alertes et aide les administrations à contenir les attaques.

                3 Coopération
                Le CERT national coopère avec les CSIRT de la région et avec ses partenaires internationaux.
                """)),
            ("benin-decree.txt", Text("Décret portant création de l'agence\n\nLe présent décret crée l'agence nationale et fixe ses missions.")),
            ("togo-strategy.txt", Text("""
                Stratégie nationale de cybersécurité du Togo

                1 Vision
                Le Togo veut un cyberespace sûr. Une étude examinera la création d'un CERT.
                """)),
            ("ghana-strategy.txt", Text("""
                National Cyber Security Policy and Strategy of Ghana

                1 Child online protection
                Ghana protects children online: the Child Online Protection framework guards against child sexual abuse material.
                Schools teach parents and children how to protect children from grooming.
                """)),
            ("strategy-guide.txt", Text("Guide to developing a national cybersecurity strategy\n\nA strategy names its governance, risks and partners.")));
        form.Add(Calls.JsonContent("""{"countryCode": "BJ", "type": "national-strategy", "year": 2020, "language": "fr"}"""), "benin-strategy.txt.meta");
        form.Add(Calls.JsonContent("""{"countryCode": "BJ", "type": "national-law", "year": 2020, "language": "fr"}"""), "benin-decree.txt.meta");
        form.Add(Calls.JsonContent("""{"countryCode": "TG", "type": "national-strategy", "year": 2024, "language": "fr"}"""), "togo-strategy.txt.meta");
        form.Add(Calls.JsonContent("""{"countryCode": "GH", "type": "national-strategy", "year": 2015, "language": "en"}"""), "ghana-strategy.txt.meta");
        form.Add(Calls.JsonContent("""{"type": "guide", "year": 2021, "language": "en"}"""), "strategy-guide.txt.meta");
        var job = await Calls.WaitForJobAsync(Client, await Calls.UploadAsync(Client, form));
        Assert.All(job["files"]!.AsArray(), f => Assert.Equal("succeeded", f!["state"]!.GetValue<string>()));
        Ids = job["files"]!.AsArray().ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!["documentId"]!.GetValue<string>());
    }

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Client?.Dispose();
        _host?.Dispose();
        _folder.Dispose();
    }
}
