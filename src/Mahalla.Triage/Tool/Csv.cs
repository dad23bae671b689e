using System.Text;

namespace Mahalla.Triage.Tool;

/// <summary>A CSV file that cannot be read, with the line where reading stopped.</summary>
internal sealed class CsvException(string message) : Exception(message);

/// <summary>A CSV table: a header row and data rows of the same width.</summary>
internal sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The index of <paramref name="name"/> in the header (exact, then case-insensitive), with a clear error when absent.</summary>
    public int Column(string name)
    {
        var index = Header.ToList().IndexOf(name);
        if (index < 0)
        {
            index = Header.ToList().FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        }

        return index >= 0
            ? index
            : throw new CsvException($"column '{name}' not found; the columns are: {string.Join(", ", Header.Select(h => $"'{h}'"))}");
    }
}

/// <summary>
/// RFC 4180 reader: fields separated by commas, records by CRLF or LF; a quoted field may hold
/// commas, line breaks and doubled quotes; a UTF-8 byte-order mark is skipped. Strict where
/// leniency would silently shift columns: an unclosed quote, text after a closing quote, or a
/// row of the wrong width is an error naming the line.
/// </summary>
internal static class Csv
{
    public static CsvTable ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new CsvException($"{path}: file not found");
        }

        using var reader = new StreamReader(path, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
        try
        {
            return Read(reader, path);
        }
        catch (DecoderFallbackException)
        {
            throw new CsvException($"{path}: not valid UTF-8");
        }
    }

    public static CsvTable Read(TextReader reader, string name = "input")
    {
        var records = new List<(int Line, List<string> Fields)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var afterQuote = false;
        var fieldStarted = false;
        var first = true;
        int read;
        while ((read = reader.Read()) >= 0)
        {
            var c = (char)read;
            if (first)
            {
                first = false;
                if (c == '\uFEFF')
                {
                    continue;
                }
            }

            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    afterQuote = false;
                    fieldStarted = true;
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\r' or '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                case '"' when field.Length == 0 && !afterQuote:
                    quoted = true;
                    fieldStarted = true;
                    break;
                default:
                    if (afterQuote)
                    {
                        throw new CsvException($"{name}, line {line}: text after a closing quote; quote the whole field and double the quotes inside it");
                    }

                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }

        if (quoted)
        {
            throw new CsvException($"{name}, line {recordLine}: a quoted field is never closed");
        }

        EndRecord();
        if (records.Count == 0)
        {
            throw new CsvException($"{name}: the file is empty");
        }

        var header = records[0].Fields;
        if (header.All(string.IsNullOrWhiteSpace))
        {
            throw new CsvException($"{name}: the header row is empty");
        }

        var rows = new List<IReadOnlyList<string>>(records.Count - 1);
        foreach (var (at, row) in records.Skip(1))
        {
            if (row.Count != header.Count)
            {
                throw new CsvException($"{name}, line {at}: {row.Count} fields where the header has {header.Count}");
            }

            rows.Add(row);
        }

        return new CsvTable([.. header.Select(h => h.Trim())], rows);

        void EndRecord()
        {
            if (fieldStarted || field.Length > 0 || fields.Count > 0)
            {
                fields.Add(field.ToString());
                records.Add((recordLine, fields));
            }

            fields = [];
            field.Clear();
            afterQuote = false;
            fieldStarted = false;
        }
    }

    /// <summary>Writes one RFC 4180 field: quoted when it holds a comma, quote or line break.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
