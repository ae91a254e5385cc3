using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>
/// ITU resolutions, whose first line names number, revision place and year in the language of the text:
/// "RESOLUTION 45 (Rev. Kigali, 2022)", "RÉSOLUTION 45 (Rév. Kigali, 2022)", "РЕЗОЛЮЦИЯ 45 (Пересм. Кигали, 2022 г.)",
/// "第45号决议（2022年，基加利，修订版）". The next lines name the body ("世界电信发展大会（2022年，基加利）").
/// </summary>
internal static partial class ItuResolutionRules
{
    // Only the opening of the text: resolutions cite other resolutions in the same form further down.
    private const int HeadingWindow = 300;
    private const int BodyWindow = 800;

    // Conference cities as Chinese, Russian, French and Spanish texts spell them.
    private static readonly Dictionary<string, string> Places = new(StringComparer.OrdinalIgnoreCase)
    {
        ["基加利"] = "Kigali", ["迪拜"] = "Dubai", ["布宜诺斯艾利斯"] = "Buenos Aires", ["海得拉巴"] = "Hyderabad",
        ["日内瓦"] = "Geneva", ["釜山"] = "Busan", ["瓜达拉哈拉"] = "Guadalajara", ["哈马马特"] = "Hammamet",
        ["安塔利亚"] = "Antalya", ["多哈"] = "Doha", ["伊斯坦布尔"] = "Istanbul", ["瓦莱塔"] = "Valletta",
        ["约翰内斯堡"] = "Johannesburg", ["马拉喀什"] = "Marrakesh", ["明尼阿波利斯"] = "Minneapolis", ["新德里"] = "New Delhi",
        ["Кигали"] = "Kigali", ["Дубай"] = "Dubai", ["Буэнос-Айрес"] = "Buenos Aires", ["Хайдарабад"] = "Hyderabad",
        ["Женева"] = "Geneva", ["Пусан"] = "Busan", ["Хаммамет"] = "Hammamet", ["Анталья"] = "Antalya",
        ["Genève"] = "Geneva", ["Ginebra"] = "Geneva", ["Doha"] = "Doha", ["Estambul"] = "Istanbul",
    };

    public static DocumentMetadata? TryExtract(ExtractionContext context)
    {
        var text = context.Text.TrimStart();
        var opening = text[..Math.Min(HeadingWindow, text.Length)];
        var m = ChineseHeading().Match(opening);
        if (!m.Success)
        {
            m = Heading().Match(opening);
        }
        if (!m.Success)
        {
            return null;
        }

        var number = int.Parse(m.Groups["number"].Value);
        var year = int.Parse(m.Groups["year"].Value);
        var place = m.Groups["place"].Value.Trim();
        place = Places.GetValueOrDefault(place, place);
        var after = text[(m.Index + m.Length)..];
        var body = Body(after[..Math.Min(BodyWindow, after.Length)]);
        if (body is null)
        {
            context.Warn("resolution body (WTDC, WTSA, PP) not found");
        }
        return new DocumentMetadata
        {
            Type = MetadataVocabulary.ItuResolution,
            Identifier = body is null ? $"Resolution {number}" : $"{body} Resolution {number}",
            Body = body,
            ResolutionNumber = number,
            RevisionPlace = place,
            RevisionYear = m.Groups["revised"].Success ? year : null,
            Year = year,
            ApprovalDate = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Title = FirstLine(after),
        };
    }

    // The body whose name comes first after the heading: later lines recall resolutions of other bodies.
    private static string? Body(string text)
    {
        (string Body, Regex Pattern)[] bodies = [("WTDC", Wtdc()), ("WTSA", Wtsa()), ("PP", Plenipotentiary())];
        return bodies
            .Select(b => (b.Body, Match: b.Pattern.Match(text)))
            .Where(b => b.Match.Success)
            .OrderBy(b => b.Match.Index)
            .Select(b => b.Body)
            .FirstOrDefault();
    }

    private static string? FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();

    // 第45号决议（2022年，基加利，修订版）: number, year, place, and 修订版 for "revised".
    [GeneratedRegex(@"第\s*(?<number>\d+)\s*号决议\s*[（(]\s*(?<year>(?:19|20)\d{2})\s*年\s*[，,]\s*(?<place>[^，,）)]+?)\s*(?:[，,]\s*(?<revised>修订版?))?\s*[）)]")]
    private static partial Regex ChineseHeading();

    // "Resolution 45 (Rev. Kigali, 2022)" in English, French, Spanish and Russian; "Rev."/"Rév."/"Пересм." marks a revision.
    [GeneratedRegex(@"(?:Resolution|Résolution|Resolución|Резолюция)\s+(?<number>\d+)\s*\(\s*(?:(?<revised>Rev\.|Rév\.|Пересм\.)\s*)?(?<place>[^,()\d]+?)\s*,\s*(?<year>(?:19|20)\d{2})(?:\s*г\.)?\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();

    [GeneratedRegex(@"世界电信发展大会|World Telecommunication Development Conference|Conférence mondiale de développement des télécommunications|Conferencia Mundial de Desarrollo de las Telecomunicaciones|Всемирная конференция по развитию электросвязи|\bWTDC\b|\bCMDT\b|ВКРЭ", RegexOptions.IgnoreCase)]
    private static partial Regex Wtdc();

    [GeneratedRegex(@"世界电信标准化全会|World Telecommunication Standardization Assembly|Assemblée mondiale de normalisation des télécommunications|Asamblea Mundial de Normalización de las Telecomunicaciones|Всемирная ассамблея по стандартизации электросвязи|\bWTSA\b|\bAMNT\b|ВАСЭ", RegexOptions.IgnoreCase)]
    private static partial Regex Wtsa();

    [GeneratedRegex(@"全权代表大会|Plenipotentiary Conference|Conférence de plénipotentiaires|Conferencia de Plenipotenciarios|Полномочных представителей", RegexOptions.IgnoreCase)]
    private static partial Regex Plenipotentiary();
}
