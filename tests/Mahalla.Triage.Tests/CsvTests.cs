using Mahalla.Triage.Tool;

namespace Mahalla.Triage.Tests;

public sealed class CsvTests
{
    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        var table = Csv.Read(new StringReader("text,category\r\n\"Suv yo'q, \"\"tez\"\" yordam\r\nkerak\",water-supply\r\nplain,roads\r\n"));
        Assert.Equal(["text", "category"], table.Header);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("Suv yo'q, \"tez\" yordam\r\nkerak", table.Rows[0][0]);
        Assert.Equal("roads", table.Rows[1][1]);
    }

    [Fact]
    public void A_byte_order_mark_and_a_missing_final_line_break_are_accepted()
    {
        var table = Csv.Read(new StringReader("\uFEFFtext,label\nbir,a"));
        Assert.Equal("text", table.Header[0]);
        Assert.Equal("a", table.Rows[0][1]);
    }

    [Fact]
    public void Empty_fields_and_blank_lines_are_read_as_such()
    {
        var table = Csv.Read(new StringReader("a,b,c\n,,\n\n\"\",x,\n"));
        Assert.Equal(2, table.Rows.Count);
        Assert.All(table.Rows[0], f => Assert.Equal("", f));
        Assert.Equal("x", table.Rows[1][1]);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a,b\n\"never closed,x\n", "never closed")]
    [InlineData("a,b\n\"x\"y,z\n", "after a closing quote")]
    [InlineData("a,b\nonly-one\n", "line 2: 1 fields where the header has 2")]
    public void Malformed_files_are_rejected_with_a_clear_message(string content, string message)
    {
        var error = Assert.Throws<CsvException>(() => Csv.Read(new StringReader(content)));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_column_names_the_columns_that_exist()
    {
        var table = Csv.Read(new StringReader("text,category\nx,y\n"));
        var error = Assert.Throws<CsvException>(() => table.Column("label"));
        Assert.Contains("'label' not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("'category'", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, table.Column("CATEGORY"));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    public void Fields_are_written_so_that_the_reader_gets_them_back(string value, string written)
    {
        Assert.Equal(written, Csv.Field(value));
        Assert.Equal(value, Csv.Read(new StringReader("h\n" + written + "\n")).Rows[0][0]);
    }
}
