using System.Text;
using Mahalla.Tlog.Notes;
using Mahalla.Tlog.Witnessing;
using Microsoft.Extensions.Hosting;

namespace Mahalla.Cli;

/// <summary><c>mahalla witness …</c>: run a witness that cosigns a log's checkpoints only while the log stays append-only.</summary>
internal static class WitnessCommands
{
    private const string UsageText = """
        mahalla witness — an independent witness of a transparency log

          witness keygen --key-file FILE --name NAME
              create a witness key (refuses to overwrite) and print its verifier key.
          witness serve --state-dir DIR --key-file FILE --log-vkey VKEY [--listen 127.0.0.1:7380] [--name NAME]
              serve POST /add-checkpoint (C2SP tlog-witness v1.0.0) for the log whose verifier key is
              VKEY (its origin is the key's name). The key file is created on first run.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return args switch
            {
                ["keygen", .. var rest] => Keygen(CommandLine.Parse(rest, "key-file", "name")),
                ["serve", .. var rest] => await ServeAsync(CommandLine.Parse(rest, "state-dir", "key-file", "log-vkey", "listen", "name")),
                _ => throw new UsageException(args.Length == 0 ? "missing command" : $"unknown command \"{args[0]}\""),
            };
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"mahalla witness: {e.Message}\n\n{UsageText}");
            return 2;
        }
        catch (Exception e) when (e is NoteFormatException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Console.Error.WriteLine($"mahalla witness: {e.Message}");
            return 1;
        }
    }

    private static int Keygen(CommandLine options)
    {
        var path = options.Required("key-file");
        if (File.Exists(path))
        {
            throw new UsageException($"{path} exists; a witness key is never overwritten");
        }

        using var key = CreateKey(path, Name(options.Required("name")));
        Console.WriteLine(key.VerifierKey);
        return 0;
    }

    private static async Task<int> ServeAsync(CommandLine options)
    {
        var stateDir = options.Required("state-dir");
        var keyFile = options.Required("key-file");
        NoteVerifier logKey;
        try
        {
            logKey = NoteVerifier.Parse(options.Required("log-vkey"));
        }
        catch (NoteFormatException e)
        {
            throw new UsageException($"--log-vkey: {e.Message}");
        }

        Directory.CreateDirectory(stateDir);
        using var key = File.Exists(keyFile)
            ? SignerKey.Parse(await File.ReadAllTextAsync(keyFile))
            : CreateKey(keyFile, Name(options.Optional("name") ?? "witness.mahalla.local"));
        if (options.Optional("name") is { } name && name != key.Name)
        {
            throw new UsageException($"--name {name} differs from the name in {keyFile} ({key.Name})");
        }

        var witness = new Witness(key, new Dictionary<string, IReadOnlyList<NoteVerifier>> { [logKey.Name] = [logKey] }, new FileWitnessStateStore(stateDir), TimeProvider.System);
        var listen = options.Optional("listen") ?? "127.0.0.1:7380";
        await using var app = WitnessServer.Build(witness, listen);
        await app.StartAsync();
        Console.WriteLine($"witness {key.Name} listening on http://{listen} for log {logKey.Name}");
        Console.WriteLine($"witness verifier key: {key.VerifierKey}");
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static SignerKey CreateKey(string path, string name)
    {
        var key = SignerKey.Generate(name);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // The private key must not be readable by others; create the file with owner-only permissions.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(Encoding.UTF8.GetBytes(key.Format() + "\n"));
        }

        Console.Error.WriteLine($"created witness key {path}");
        return key;
    }

    private static string Name(string name)
    {
        try
        {
            // A signature line checks the key name exactly as notes require it.
            _ = new NoteSignature(name, 0, [0]);
            return name;
        }
        catch (NoteFormatException e)
        {
            throw new UsageException($"--name: {e.Message}");
        }
    }
}
