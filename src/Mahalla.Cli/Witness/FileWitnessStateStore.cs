using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mahalla.Tlog.Witnessing;

namespace Mahalla.Cli;

/// <summary>
/// The witness's state on disk: one small file per log origin (named by a hash of the origin, which may
/// contain slashes) holding origin, size and root. Each save is an atomic replace flushed to disk.
/// </summary>
internal sealed class FileWitnessStateStore(string directory) : IWitnessStateStore
{
    public WitnessLogState? Get(string origin)
    {
        var path = PathOf(origin);
        if (!File.Exists(path))
        {
            return null;
        }

        var lines = File.ReadAllText(path, Encoding.UTF8).Split('\n');
        if (lines.Length < 3 || lines[0] != origin)
        {
            throw new InvalidDataException($"The witness state file {path} is damaged.");
        }

        return new WitnessLogState(long.Parse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture), Convert.FromBase64String(lines[2]));
    }

    public void Save(string origin, WitnessLogState state)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{origin}\n{state.Size}\n{Convert.ToBase64String(state.RootHash)}\n");
        AtomicFile.WriteAsync(PathOf(origin), Encoding.UTF8.GetBytes(text), CancellationToken.None).GetAwaiter().GetResult();
    }

    private string PathOf(string origin) =>
        Path.Combine(directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(origin)))[..32] + ".state");
}
