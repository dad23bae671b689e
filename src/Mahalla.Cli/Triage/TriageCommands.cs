using Mahalla.Triage.Tool;

namespace Mahalla.Cli;

// The commands live in Mahalla.Triage, where they are tested; this is only the shell.
internal static class TriageCommands
{
    public static Task<int> RunAsync(string[] args) =>
        Task.FromResult(TriageCommandLine.Run(args, Console.Out, Console.Error));
}
