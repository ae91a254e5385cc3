using KnowledgeBase.Core.Configuration;
using KnowledgeBase.Core.Indexing;
using Spectre.Console;

namespace KnowledgeBase.Cli;

/// <summary>Runs a command body and turns the errors a user can cause into one line on stderr, never a trace.</summary>
internal static class CliErrors
{
    public const int UserError = 1;
    public const int IndexError = 2;

    public static async Task<int> Guard(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (IndexUnavailableException ex)
        {
            return Fail(ex.Message, IndexError);
        }
        catch (ConfigurationException ex)
        {
            return Fail(ex.Message, UserError);
        }
        catch (OperationCanceledException)
        {
            return Fail("cancelled", UserError);
        }
    }

    public static int Guard(Func<int> body) => Guard(() => Task.FromResult(body())).GetAwaiter().GetResult();

    public static int Fail(string message, int code = UserError)
    {
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        error.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return code;
    }
}
