using System.Text;
using System.Text.Json;
using Mahalla.Triage.Tool;

namespace Mahalla.Triage.Tests;

public sealed class CommandLineTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("mahalla-triage-cli-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Evaluate_prints_per_class_figures_and_ends_with_one_json_object()
    {
        var (train, test) = (WriteSentences("train.csv", s => s.Line % 4 != 0), WriteSentences("test.csv", s => s.Line % 4 == 0));
        var (code, output, error) = Run("evaluate", "--train", train, "--test", test, "--text-column", "message", "--label-column", "lang");

        Assert.True(code == 0, error);
        var lines = output.TrimEnd().Split('\n');
        Assert.Contains(lines, l => l.StartsWith("uz_cyr", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(lines[^1]);
        Assert.InRange(json.RootElement.GetProperty("accuracy").GetDouble(), 0.9, 1.0);
        Assert.InRange(json.RootElement.GetProperty("macro_f1").GetDouble(), 0.9, 1.0);
    }

    [Fact]
    public void Train_writes_a_model_that_predict_reads()
    {
        var input = WriteSentences("all.csv", s => true);
        var model = Path.Combine(directory, "models", "lang.json");
        var (code, output, error) = Run("train", "--input", input, "--text-column", "message", "--label-column", "lang", "--model", model, "--folds", "3");
        Assert.True(code == 0, error);
        Assert.Contains("3-fold cross-validation", output, StringComparison.Ordinal);

        (code, output, error) = Run("predict", "--model", model, "--text", "There has been no drinking water in our street for three days", "--top", "2");
        Assert.True(code == 0, error);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("eng\t", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_column_is_a_clear_error_with_exit_code_2()
    {
        var input = WriteSentences("all.csv", s => true);
        var (code, _, error) = Run("evaluate", "--train", input, "--test", input, "--text-column", "text", "--label-column", "lang");
        Assert.Equal(2, code);
        Assert.Contains("column 'text' not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_a_clear_error_with_exit_code_2()
    {
        var empty = Path.Combine(directory, "empty.csv");
        File.WriteAllText(empty, "");
        var (code, _, error) = Run("train", "--input", empty, "--text-column", "text", "--label-column", "category", "--model", Path.Combine(directory, "m.json"));
        Assert.Equal(2, code);
        Assert.Contains("empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_without_rows_is_a_clear_error_with_exit_code_2()
    {
        var headerOnly = Path.Combine(directory, "header.csv");
        File.WriteAllText(headerOnly, "text,category\n");
        var (code, _, error) = Run("train", "--input", headerOnly, "--text-column", "text", "--label-column", "category", "--model", Path.Combine(directory, "m.json"));
        Assert.Equal(2, code);
        Assert.Contains("no rows", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_a_clear_error_with_exit_code_2()
    {
        var (code, _, error) = Run("evaluate", "--train", Path.Combine(directory, "nope.csv"), "--test", "x.csv", "--text-column", "t", "--label-column", "l");
        Assert.Equal(2, code);
        Assert.Contains("file not found", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("train", "--input")]
    [InlineData("predict", "--text", "x", "--colour", "red")]
    public void Bad_usage_exits_with_2_and_shows_the_commands(params string[] args)
    {
        var (code, _, error) = Run(args);
        Assert.Equal(2, code);
        Assert.Contains("triage evaluate", error, StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = TriageCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    // A CSV of Uzbek, Russian and English sentences with the awkward things real exports carry:
    // HTML remnants, quotes, commas and line breaks inside fields, a BOM, an extra column.
    private string WriteSentences(string name, Func<(int Line, string Label, string Text), bool> which)
    {
        var csv = new StringBuilder("\uFEFFid,message,lang\r\n");
        foreach (var s in TestData.LanguageSentences().Where(s => s.Label is "uz_lat" or "uz_cyr" or "rus" or "eng").Where(which).Take(1200))
        {
            var text = s.Line % 3 == 0 ? $"<p>{s.Text}</p>\n<br>\"{s.Label}\", ok" : s.Text;
            csv.Append(s.Line).Append(',').Append(Csv.Field(text)).Append(',').Append(s.Label).Append("\r\n");
        }

        var path = Path.Combine(directory, name);
        File.WriteAllText(path, csv.ToString(), new UTF8Encoding(false));
        return path;
    }
}
