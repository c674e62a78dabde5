using System.Text.Json;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Tests.Data;

public sealed class DelimitedReaderTests : IDisposable
{
    private readonly ReaderHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Csv_rows_become_string_objects()
    {
        var records = _harness.ReadText("a.csv", "id,score,note\n1,0.5,\n2,,x\n", DataFormat.Csv);

        records.Select(r => r.Json).ShouldBe([
            "{\"id\":\"1\",\"score\":\"0.5\",\"note\":\"\"}",
            "{\"id\":\"2\",\"score\":\"\",\"note\":\"x\"}",
        ]);
        records.Select(r => r.Line).ShouldBe([2, 3]);
        _harness.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Csv_quoted_newline_keeps_start_line()
    {
        var text = "id,text\r\n1,\"first line\r\nsecond, line\r\n\r\nlast\"\r\n2,\"He said \"\"hi\"\"\"\r\n";

        var records = _harness.ReadText("a.csv", text, DataFormat.Csv);

        records.Select(r => r.Line).ShouldBe([2, 6]);
        Text(records[0]).ShouldBe("first line\nsecond, line\n\nlast");
        Text(records[1]).ShouldBe("He said \"hi\"");
        _harness.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Csv_bom_blank_lines_no_final_newline()
    {
        var records = _harness.ReadText("a.csv", "\uFEFFid,text\n\n1,a\n\n2,\"b,c\"", DataFormat.Csv);

        records.Select(r => r.Line).ShouldBe([3, 5]);
        records[0].Json.ShouldBe("{\"id\":\"1\",\"text\":\"a\"}");
        Text(records[1]).ShouldBe("b,c");
    }

    [Fact]
    public void Csv_bare_quote_inside_field_kept()
    {
        var records = _harness.ReadText("a.csv", "id,text\n1,5\" screen\n2,x\n", DataFormat.Csv);

        records.Count.ShouldBe(2);
        Text(records[0]).ShouldBe("5\" screen");
    }

    [Fact]
    public void Csv_field_count_mismatch_skips_row()
    {
        var records = _harness.ReadText("a.csv", "id,text\n1,a\n2,b,extra\n3\n4,d\n", DataFormat.Csv);

        records.Select(r => r.Line).ShouldBe([2, 5]);
        records.Select(r => r.Index).ShouldBe([0L, 1L]);
        _harness.Findings.Select(f => f.Line).ShouldBe([3, 4]);
        _harness.Findings.ShouldAllBe(f => f.Code == RuleCatalog.MalformedRecord);
        _harness.Findings[0].Message.ShouldBe(
            "The row has 3 fields, but the header has 2 columns, so it was skipped. Quote values that contain commas, or fix the row.");
    }

    [Fact]
    public void Csv_text_after_closing_quote_reported()
    {
        var records = _harness.ReadText("a.csv", "id,text\n1,\"ab\"c\n2,d\n", DataFormat.Csv);

        records.Single().Line.ShouldBe(3);
        var finding = _harness.Findings.ShouldHaveSingleItem();
        finding.Line.ShouldBe(2);
        finding.Column.ShouldBe(7);
        finding.Message.ShouldContain("after the closing quote");
    }

    [Fact]
    public void Csv_unclosed_quote_reported_at_end()
    {
        var records = _harness.ReadText("a.csv", "id,text\n1,a\n2,\"never closed\n3,c\n", DataFormat.Csv);

        records.Single().Line.ShouldBe(2);
        var finding = _harness.Findings.ShouldHaveSingleItem();
        finding.Line.ShouldBe(3);
        finding.Message.ShouldContain("never closed");
    }

    [Fact]
    public void Csv_duplicate_and_empty_headers_renamed()
    {
        var records = _harness.ReadText("a.csv", "id,label,,label\n1,a,b,c\n", DataFormat.Csv);

        records.Single().Json.ShouldBe("{\"id\":\"1\",\"label\":\"a\",\"column3\":\"b\",\"label_4\":\"c\"}");
        _harness.Findings.Count.ShouldBe(2);
        _harness.Findings.ShouldAllBe(f => f.Code == RuleCatalog.MalformedRecord && f.Line == 1);
        _harness.Findings[0].Message.ShouldContain("column 3 has no name");
        _harness.Findings[1].Message.ShouldContain("column 4 repeats the name 'label'");
    }

    [Fact]
    public void Csv_invalid_utf8_row_skipped()
    {
        byte[] bytes = [.. "id,text\n1,caf"u8, 0xE9, .. "\n2,ok\n"u8];
        var path = _harness.WriteBytes("a.csv", bytes);

        var records = _harness.Read(path, DataFormat.Csv);

        records.Single().Line.ShouldBe(3);
        var finding = _harness.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(RuleCatalog.InvalidUtf8);
        finding.Line.ShouldBe(2);
        finding.Column.ShouldBe(6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("id,text\n")]
    [InlineData("\n\n")]
    public void Csv_empty_file_yields_nothing(string text)
    {
        var records = _harness.ReadText("a.csv", text, DataFormat.Csv);

        records.ShouldBeEmpty();
        _harness.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Tsv_keeps_quotes_literally()
    {
        var text = "id\ttext\r\n1\t\"quoted\" word\r\n2\t\"open\r\n3\t\r\n4\ta\tb\r\n";

        var records = _harness.ReadText("a.tsv", text, DataFormat.Tsv);

        records.Select(r => r.Line).ShouldBe([2, 3, 4]);
        Text(records[0]).ShouldBe("\"quoted\" word");
        Text(records[1]).ShouldBe("\"open");
        Text(records[2]).ShouldBe("");
        var finding = _harness.Findings.ShouldHaveSingleItem();
        finding.Line.ShouldBe(5);
        finding.Message.ShouldContain("Remove tab characters");
    }

    [Fact]
    public void Tsv_real_crowd_file_reads_all_rows()
    {
        var path = SharedData.PathOf("crowd", "snow2008", "rte.standardized.tsv");

        var records = _harness.Read(path, DataFormat.Tsv);

        records.Count.ShouldBe(8000);
        _harness.Findings.ShouldBeEmpty();
        using var first = JsonDocument.Parse(records[0].Json);
        first.RootElement.EnumerateObject().Select(p => p.Name)
            .ShouldBe(["!amt_annotation_ids", "!amt_worker_ids", "orig_id", "response", "gold"]);
        first.RootElement.GetProperty("orig_id").GetString().ShouldBe("266");
        records[^1].Line.ShouldBe(8001);
    }

    [Fact]
    public void Readers_registered_for_every_format()
    {
        RecordReaders.For(DataFormat.Jsonl).ShouldBeSameAs(JsonLinesReader.Instance);
        RecordReaders.For(DataFormat.Json).ShouldBeSameAs(JsonArrayReader.Instance);
        RecordReaders.For(DataFormat.Csv).ShouldBeSameAs(DelimitedReader.Csv);
        RecordReaders.For(DataFormat.Tsv).ShouldBeSameAs(DelimitedReader.Tsv);
    }

    private static string Text(ReadRecord record)
    {
        using var document = JsonDocument.Parse(record.Json);
        return document.RootElement.GetProperty("text").GetString()!;
    }
}
