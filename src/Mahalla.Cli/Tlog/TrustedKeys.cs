using Mahalla.Tlog.Checkpoints;
using Mahalla.Tlog.Notes;

namespace Mahalla.Cli;

/// <summary>
/// The auditor's trusted-keys file: one key per line, <c>log VKEY</c> or <c>witness VKEY</c>; blank lines
/// and lines starting with '#' are ignored.
/// </summary>
internal sealed class TrustedKeys
{
    private TrustedKeys(List<NoteVerifier> logs, List<NoteVerifier> witnesses)
    {
        Logs = logs;
        Witnesses = witnesses;
    }

    public IReadOnlyList<NoteVerifier> Logs { get; }

    public IReadOnlyList<NoteVerifier> Witnesses { get; }

    public static TrustedKeys Load(string path)
    {
        var logs = new List<NoteVerifier>();
        var witnesses = new List<NoteVerifier>();
        var number = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            try
            {
                switch (parts)
                {
                    case ["log", var vkey]:
                        logs.Add(NoteVerifier.Parse(vkey));
                        break;
                    case ["witness", var vkey]:
                        witnesses.Add(NoteVerifier.ParseCosigner(vkey));
                        break;
                    default:
                        throw new UsageException($"{path}:{number}: expected \"log VKEY\" or \"witness VKEY\"");
                }
            }
            catch (NoteFormatException e)
            {
                throw new UsageException($"{path}:{number}: {e.Message}");
            }
        }

        if (logs.Count == 0)
        {
            throw new UsageException($"{path} names no log key (a line \"log VKEY\")");
        }

        return new TrustedKeys(logs, witnesses);
    }

    /// <summary>k defaults to 1 when witnesses are listed (so a listed witness is actually required), else 0.</summary>
    public CheckpointPolicy Policy(int? threshold)
    {
        var k = threshold ?? (Witnesses.Count > 0 ? 1 : 0);
        if (k > Witnesses.Count)
        {
            throw new UsageException($"--witness-threshold {k} is more than the {Witnesses.Count} witness keys listed");
        }

        return new CheckpointPolicy(null, Logs, Witnesses, k);
    }
}
