using System.Text.RegularExpressions;

namespace KnowledgeBase.Api.Jobs;

/// <summary>
/// A failure or skip reason as anyone who can read jobs may see it: every file path in it shortened to the file's
/// name ("same content as report.pdf", not the server's upload folder). The log keeps the full reason.
/// </summary>
internal static partial class PublicReason
{
    public static string? Of(string? reason) =>
        reason is null ? null : AbsolutePath().Replace(reason, match => match.Groups["name"].Value is { Length: > 0 } name ? name : "a server folder");

    // A rooted path of two or more segments (/a/b, C:\a\b); the last segment is the name that stays.
    [GeneratedRegex(@"(?:\b[A-Za-z]:)?[\\/](?:[^\s\\/'""():,;]+[\\/])+(?<name>[^\s\\/'""():,;]*)")]
    private static partial Regex AbsolutePath();
}
