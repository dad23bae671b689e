namespace Mahalla.Cli;

internal static class TriageCommands
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("mahalla triage: no commands yet");
        return Task.FromResult(2);
    }
}
