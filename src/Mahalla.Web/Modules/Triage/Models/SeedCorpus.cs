using System.Text;
using Mahalla.Triage.Classification;

namespace Mahalla.Web.Modules.Triage.Models;

/// <summary>
/// The team's seed corpus (<c>data/triage/seed-corpus.csv</c>, columns <c>text</c> and <c>category</c>),
/// embedded in this assembly so that retraining needs no data folder at run time.
/// </summary>
internal static class SeedCorpus
{
    public const string ResourceName = "Mahalla.Web.Triage.seed-corpus.csv";

    private static readonly Lazy<IReadOnlyList<LabelledText>> Examples = new(Load);

    public static IReadOnlyList<LabelledText> All => Examples.Value;

    private static IReadOnlyList<LabelledText> Load()
    {
        using var stream = typeof(SeedCorpus).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The triage seed corpus is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = ReadRecords(reader.ReadToEnd());
        var header = rows[0];
        var (text, label) = (header.IndexOf("text"), header.IndexOf("category"));
        if (text < 0 || label < 0)
        {
            throw new InvalidOperationException("The seed corpus needs the columns text and category.");
        }

        return [.. rows.Skip(1).Where(r => r.Count == header.Count && r[text].Length > 0 && r[label].Length > 0)
            .Select(r => new LabelledText(r[text], r[label]))];
    }

    /// <summary>RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<List<string>> ReadRecords(string csv)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = csv.Length > 0 && csv[0] == '\uFEFF' ? 1 : 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }
}
