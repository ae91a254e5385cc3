using System.Security.Cryptography;
using System.Text;
using KnowledgeBase.Api.Configuration;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Api.Http;

/// <summary>
/// Requires a configured key in the X-Api-Key header: always for writes, for reads only when
/// KnowledgeBase:Security:ReadRequiresKey is set. Keys are compared in constant time and never logged.
/// </summary>
internal sealed class ApiKeyFilter(IOptionsMonitor<SecurityOptions> options, bool forWrites) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var security = options.CurrentValue;
        if (!forWrites && !security.ReadRequiresKey)
        {
            return next(context);
        }
        if (security.ApiKeys.Length == 0)
        {
            throw ApiProblemException.Forbidden($"writes are disabled: no key is configured in {SecurityOptions.Section}:ApiKeys");
        }
        var given = context.HttpContext.Request.Headers[Header].ToString();
        if (given.Length == 0)
        {
            throw ApiProblemException.Unauthorized($"this endpoint needs an API key in the {Header} header");
        }
        if (!security.ApiKeys.Any(key => KeysEqual(given, key)))
        {
            throw ApiProblemException.Unauthorized($"the key in the {Header} header is not valid");
        }
        return next(context);
    }

    /// <summary>Hashing first makes both sides the same length, so the comparison time says nothing about the key.</summary>
    private static bool KeysEqual(string given, string configured) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(configured.Trim())));
}
