using System.Diagnostics;

namespace KnowledgeBase.Tests.Support;

/// <summary>Runs the real `kb` command (kb.dll, built beside the tests) as a separate process.</summary>
internal static class KbProcess
{
    private static string KbDll => Path.Combine(AppContext.BaseDirectory, "kb.dll");

    public static Process Start(params string[] args) => Start(args, new Dictionary<string, string?>());

    /// <summary>Starts `kb` with extra environment variables (null removes one).</summary>
    public static Process Start(string[] args, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(KbDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["KB_INDEX"] = null;
        // These tests are about the command's contracts; OCR has its own tests (Ocr/), and reading the few scanned
        // pages of the shared NIST PDFs would only slow them past their time limits on a loaded machine.
        start.Environment["KB__Ocr__Enabled"] = "false";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        return Process.Start(start)!;
    }

    public static (int ExitCode, string Output, string Error) Run(params string[] args) => Run(args, new Dictionary<string, string?>());

    /// <summary>Runs `kb` to its end with extra environment variables (null removes one).</summary>
    public static (int ExitCode, string Output, string Error) Run(string[] args, IReadOnlyDictionary<string, string?> environment)
    {
        using var process = Start(args, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kb {string.Join(' ', args)} did not finish");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
