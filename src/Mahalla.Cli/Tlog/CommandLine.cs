namespace Mahalla.Cli;

/// <summary>Options of one command: <c>--name value</c> pairs, validated against the names the command knows.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _values;

    private CommandLine(Dictionary<string, string> values) => _values = values;

    /// <summary>Parses options; throws <see cref="UsageException"/> on unknown, repeated or valueless options.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args, params string[] known)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || !known.Contains(name[2..]))
            {
                throw new UsageException($"unknown argument \"{name}\"");
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"{name} needs a value");
            }

            if (!values.TryAdd(name[2..], args[++i]))
            {
                throw new UsageException($"{name} is given twice");
            }
        }

        return new CommandLine(values);
    }

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new UsageException($"--{name} is required");

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public int? OptionalInt(string name) =>
        _values.TryGetValue(name, out var value)
            ? int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw new UsageException($"--{name} must be a non-negative number")
            : null;
}

/// <summary>A command was called wrongly: exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>Something checked did not hold: exit code 1.</summary>
internal sealed class VerificationFailedException(string message) : Exception(message);
