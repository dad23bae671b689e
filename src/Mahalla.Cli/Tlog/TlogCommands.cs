namespace Mahalla.Cli;

internal static class TlogCommands
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("mahalla tlog: no commands yet");
        return Task.FromResult(2);
    }
}
