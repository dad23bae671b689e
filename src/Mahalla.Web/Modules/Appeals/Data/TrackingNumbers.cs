using System.Security.Cryptography;
using System.Text;
using Mahalla.Web.Platform.Database;

namespace Mahalla.Web.Modules.Appeals.Data;

/// <summary>
/// Tracking numbers people can read out on the phone: <c>M-2026-000123-4</c> — a prefix, the year,
/// a sequence, and a Damm check digit, which catches every single mistyped digit and every swap
/// of two adjacent digits. The sequence is taken atomically in the filing transaction, so two
/// nodes never hand out the same number.
/// </summary>
public static class TrackingNumbers
{
    private static readonly int[,] DammTable =
    {
        { 0, 3, 1, 7, 5, 9, 8, 6, 4, 2 },
        { 7, 0, 9, 2, 1, 5, 4, 8, 6, 3 },
        { 4, 2, 0, 6, 8, 7, 1, 3, 5, 9 },
        { 1, 7, 5, 0, 9, 8, 3, 4, 2, 6 },
        { 6, 1, 2, 3, 0, 4, 5, 9, 7, 8 },
        { 3, 6, 7, 4, 2, 0, 9, 5, 8, 1 },
        { 5, 8, 6, 9, 7, 2, 0, 1, 3, 4 },
        { 8, 9, 4, 5, 3, 6, 2, 0, 1, 7 },
        { 9, 4, 3, 8, 6, 1, 7, 2, 0, 5 },
        { 2, 5, 8, 1, 4, 3, 6, 7, 9, 0 },
    };

    public static string Format(string prefix, int year, long sequence)
    {
        var digits = $"{year:D4}{sequence:D6}";
        return $"{prefix}-{year:D4}-{sequence:D6}-{CheckDigit(digits)}";
    }

    public static int CheckDigit(string digits)
    {
        var interim = 0;
        foreach (var c in digits)
        {
            interim = DammTable[interim, c - '0'];
        }

        return interim;
    }

    /// <summary>
    /// Normalises what a person typed (spaces, lowercase, missing dashes) and checks the digit.
    /// Returns null for anything that is not a well-formed number with a correct check digit.
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40)
        {
            return null;
        }

        var compact = new StringBuilder();
        foreach (var c in typed.Trim().ToUpperInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                compact.Append(c);
            }
            else if (c is not ('-' or ' ' or '.' or '/'))
            {
                return null;
            }
        }

        var s = compact.ToString();
        var letters = s.TakeWhile(char.IsAsciiLetter).Count();
        if (letters is < 1 or > 3 || s.Length != letters + 11 || !s[letters..].All(char.IsAsciiDigit))
        {
            return null;
        }

        var digits = s[letters..^1];
        if (CheckDigit(digits) != s[^1] - '0')
        {
            return null;
        }

        return $"{s[..letters]}-{digits[..4]}-{digits[4..]}-{s[^1]}";
    }

    /// <summary>Takes the next number of <paramref name="prefix"/> and <paramref name="year"/>, in the caller's open transaction.</summary>
    /// <remarks>
    /// One statement through ADO.NET (ADR 0019): the counter row stays locked until the transaction ends. In the first
    /// pass of a group commit (<see cref="MahallaDb.Pass"/>) the first unit that asks takes a block of numbers, one for each
    /// unit left, and the units after it take theirs from the block without a statement. Before the pass commits, the
    /// counter is set back to the last number taken, so a block leaves no gap. The counter's lock is held throughout, so
    /// nobody else takes a number in between.
    /// </remarks>
    public static async Task<string> NextAsync(MahallaDb db, string prefix, int year, CancellationToken ct)
    {
        if (db.Pass is not { } pass)
        {
            return Format(prefix, year, await AddAsync(db, prefix, year, 1, ct));
        }

        var block = pass.Shared((typeof(Block), prefix, year), () => new Block(),
            (made, settle) => made.Next <= made.Last ? SetAsync(settle, prefix, year, made.Next - 1, CancellationToken.None) : Task.CompletedTask);
        if (block.Next > block.Last)
        {
            var count = Math.Max(1, pass.UnitsLeft);
            var last = await AddAsync(db, prefix, year, count, ct);
            (block.Next, block.Last) = (last - count + 1, last);
        }

        return Format(prefix, year, block.Next++);
    }

    /// <summary>Adds <paramref name="count"/> to the counter (made at <paramref name="count"/> if new) and returns its new value.</summary>
    private static async Task<long> AddAsync(MahallaDb db, string prefix, int year, int count, CancellationToken ct)
    {
        var table = db.Table<TrackingCounter>();
        await using var command = db.Statement(
            $"INSERT INTO {table} (\"Prefix\", \"Year\", \"LastValue\") VALUES (@prefix, @year, @count) " +
            $"ON CONFLICT (\"Prefix\", \"Year\") DO UPDATE SET \"LastValue\" = {table}.\"LastValue\" + @count RETURNING \"LastValue\"")
            .With("@prefix", prefix).With("@year", year).With("@count", count);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Sets the counter back to <paramref name="last"/>, the last number a pass's block handed out.</summary>
    private static async Task SetAsync(MahallaDb db, string prefix, int year, long last, CancellationToken ct)
    {
        await using var command = db.Statement(
            $"UPDATE {db.Table<TrackingCounter>()} SET \"LastValue\" = @last WHERE \"Prefix\" = @prefix AND \"Year\" = @year")
            .With("@last", last).With("@prefix", prefix).With("@year", year);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The numbers a group commit's pass took for one prefix and year: <see cref="Next"/> to <see cref="Last"/> are left.</summary>
    private sealed class Block
    {
        public long Next { get; set; } = 1;

        public long Last { get; set; }
    }
}

/// <summary>Secret access codes for following a request without an account. Only their hash is stored.</summary>
public static class AccessCodes
{
    // No 0/O, 1/I/L: a code read over the phone must not be ambiguous.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 10);

    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(code))));

    public static bool Matches(string? code, string hash) =>
        code is { Length: > 0 and <= 40 }
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(code)), Encoding.ASCII.GetBytes(hash));

    private static string Canonical(string code) =>
        new(code.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
}
