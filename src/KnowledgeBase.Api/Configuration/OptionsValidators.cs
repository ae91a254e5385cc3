using Microsoft.Extensions.Options;

namespace KnowledgeBase.Api.Configuration;

/// <summary>Checks each options section on start; every message names the configuration key to fix.</summary>
internal sealed class OptionsValidators :
    IValidateOptions<ServiceOptions>, IValidateOptions<SecurityOptions>, IValidateOptions<RateLimitOptions>
{
    public const int MinKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, ServiceOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataPath))
        {
            errors.Add($"{ServiceOptions.Section}:DataPath must name a folder");
        }
        CheckPath(errors, "DataPath", options.DataPath);
        CheckPath(errors, "IndexPath", options.IndexPath);
        CheckPath(errors, "CorpusPath", options.CorpusPath);
        if (options.MaxUploadBytes < 1)
        {
            errors.Add($"{ServiceOptions.Section}:MaxUploadBytes must be a positive number of bytes, not {options.MaxUploadBytes}");
        }
        if (options.DiskFullRetrySeconds is < 1 or > 3600)
        {
            errors.Add($"{ServiceOptions.Section}:DiskFullRetrySeconds must be between 1 and 3600, not {options.DiskFullRetrySeconds}");
        }
        if (options.QueueCapacity is < 1 or > 10_000)
        {
            errors.Add($"{ServiceOptions.Section}:QueueCapacity must be between 1 and 10000, not {options.QueueCapacity}");
        }
        if (options.IngestionThreads is < 0 or > 256)
        {
            errors.Add($"{ServiceOptions.Section}:IngestionThreads must be between 0 (all cores but one) and 256, not {options.IngestionThreads}");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.ApiKeys.Length; i++)
        {
            if ((options.ApiKeys[i] ?? "").Trim().Length < MinKeyLength)
            {
                // The key itself is never echoed: the message may end up in a log.
                errors.Add($"{SecurityOptions.Section}:ApiKeys:{i} must be at least {MinKeyLength} characters");
            }
        }
        if (options.ReadRequiresKey && options.ApiKeys.Length == 0)
        {
            errors.Add($"{SecurityOptions.Section}:ReadRequiresKey is true but {SecurityOptions.Section}:ApiKeys is empty");
        }
        for (var i = 0; i < options.CorsOrigins.Length; i++)
        {
            if (!Uri.TryCreate(options.CorsOrigins[i], UriKind.Absolute, out var origin) || origin.Scheme is not ("http" or "https"))
            {
                errors.Add($"{SecurityOptions.Section}:CorsOrigins:{i} must be an http(s) origin, not \"{options.CorsOrigins[i]}\"");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public ValidateOptionsResult Validate(string? name, RateLimitOptions options) =>
        options.SearchPerMinute < 0
            ? ValidateOptionsResult.Fail($"{RateLimitOptions.Section}:SearchPerMinute must be 0 (off) or more, not {options.SearchPerMinute}")
            : ValidateOptionsResult.Success;

    private static void CheckPath(List<string> errors, string key, string path)
    {
        if (path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            errors.Add($"{ServiceOptions.Section}:{key} is not a valid path: \"{path}\"");
        }
    }
}
