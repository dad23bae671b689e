namespace Mahalla.Cli;

internal static class Usage
{
    public static int Print()
    {
        Console.Error.WriteLine("""
            mahalla — offline tools of the Mahalla platform

              tlog …      verify receipts, checkpoints and logs (auditors)
              witness …   run a transparency-log witness
              triage …    train, evaluate and run the text classifier

            Run a group without arguments for its commands.
            """);
        return 2;
    }
}
