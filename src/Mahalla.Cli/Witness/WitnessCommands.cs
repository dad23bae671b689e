namespace Mahalla.Cli;

internal static class WitnessCommands
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("mahalla witness: no commands yet");
        return Task.FromResult(2);
    }
}
