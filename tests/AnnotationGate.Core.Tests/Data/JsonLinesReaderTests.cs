using System.Text;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Tests.Data;

public sealed class JsonLinesReaderTests : IDisposable
{
    private readonly ReaderHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Jsonl_bom_crlf_blank_lines_keeps_lines()
    {
        var text = "\uFEFF{\"id\":1}\r\n\r\n   \r\n{\"id\":2}\r\n\n{\"id\":3}\r\n";

        var records = _harness.ReadText("a.jsonl", text, DataFormat.Jsonl);

        records.Select(r => r.Json).ShouldBe(["{\"id\":1}", "{\"id\":2}", "{\"id\":3}"]);
        records.Select(r => r.Line).ShouldBe([1, 4, 6]);
        records.Select(r => r.Index).ShouldBe([0L, 1L, 2L]);
        _harness.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Jsonl_missing_final_newline_reads_last()
    {
        var records = _harness.ReadText("a.jsonl", "{\"id\":1}\n{\"id\":2}", DataFormat.Jsonl);

        records.Select(r => r.Json).ShouldBe(["{\"id\":1}", "{\"id\":2}"]);
        records[1].Line.ShouldBe(2);
    }

    [Fact]
    public void Jsonl_record_file_is_display_path()
    {
        var records = _harness.ReadText("named.jsonl", "{\"id\":1}\n", DataFormat.Jsonl);

        records.Single().File.ShouldBe("data/named.jsonl");
    }

    [Fact]
    public void Jsonl_invalid_utf8_reported_not_replaced()
    {
        var bytes = Concat("{\"id\":1}\n{\"id\":\"a"u8, [0xC3, 0x28], "\"}\n{\"id\":3}\n"u8);
        var path = _harness.WriteBytes("a.jsonl", bytes);

        var records = _harness.Read(path, DataFormat.Jsonl);

        records.Select(r => r.Json).ShouldBe(["{\"id\":1}", "{\"id\":3}"]);
        records.ShouldAllBe(r => !r.Json.Contains('\uFFFD'));
        records[1].Index.ShouldBe(1);
        var finding = _harness.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(RuleCatalog.InvalidUtf8);
        finding.File.ShouldBe("data/a.jsonl");
        finding.Line.ShouldBe(2);
        finding.Column.ShouldBe(9);
        finding.Message.ShouldContain("0xC3");
    }

    [Fact]
    public void Jsonl_malformed_line_reported_then_continues()
    {
        var text = "{\"id\":1}\n\r\n{\"id\":2,}\r\n{\"id\":3}\n";

        var records = _harness.ReadText("a.jsonl", text, DataFormat.Jsonl);

        records.Select(r => r.Json).ShouldBe(["{\"id\":1}", "{\"id\":3}"]);
        records[1].Line.ShouldBe(4);
        var finding = _harness.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(RuleCatalog.MalformedRecord);
        finding.Line.ShouldBe(3);
        finding.Column.ShouldBe(9);
        finding.Message.ShouldStartWith("The record is not valid JSON: ");
        finding.Message.ShouldNotContain("LineNumber");
        finding.Message.ShouldContain("trailing comma");
        finding.Message.ShouldNotContain("reader options");
        finding.Message.ShouldContain("one complete JSON object");
    }

    [Fact]
    public void Jsonl_truncated_object_reported()
    {
        _harness.ReadText("a.jsonl", "{\"id\":\"a\"\n", DataFormat.Jsonl).ShouldBeEmpty();

        var finding = _harness.Findings.ShouldHaveSingleItem();
        finding.Line.ShouldBe(1);
        finding.Message.ShouldContain("ends before an open object or array is closed");
    }

    [Theory]
    [InlineData("[1,2]", "array")]
    [InlineData("\"text\"", "string")]
    [InlineData("42", "number")]
    [InlineData("null", "null")]
    public void Jsonl_non_object_line_reported(string line, string kind)
    {
        var records = _harness.ReadText("a.jsonl", "{\"id\":1}\n" + line + "\n{\"id\":2}\n", DataFormat.Jsonl);

        records.Count.ShouldBe(2);
        var finding = _harness.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(RuleCatalog.MalformedRecord);
        finding.Line.ShouldBe(2);
        finding.Message.ShouldContain($"JSON {kind}, not an object");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \r\n")]
    [InlineData("\uFEFF")]
    public void Jsonl_empty_file_yields_nothing(string text)
    {
        var records = _harness.ReadText("a.jsonl", text, DataFormat.Jsonl);

        records.ShouldBeEmpty();
        _harness.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Jsonl_line_longer_than_buffer_reads()
    {
        var big = new string('x', 700_000);
        var text = "{\"id\":1}\n{\"text\":\"" + big + "\"}\n{\"id\":3}";

        var records = _harness.ReadText("a.jsonl", text, DataFormat.Jsonl);

        records.Count.ShouldBe(3);
        records[1].Json.Length.ShouldBe(big.Length + 11);
        records[2].Line.ShouldBe(3);
    }

    [Fact]
    public void Jsonl_utf16_file_reported_once()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{\"id\":1}\n{\"id\":2}\n")).ToArray();
        var path = _harness.WriteBytes("a.jsonl", bytes);

        var records = _harness.Read(path, DataFormat.Jsonl);

        records.ShouldBeEmpty();
        var finding = _harness.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(RuleCatalog.InvalidUtf8);
        finding.Message.ShouldContain("UTF-16");
    }

    [Fact]
    public void Jsonl_root_released_after_move()
    {
        var path = _harness.WriteText("a.jsonl", "{\"id\":1}\n{\"id\":2}\n");
        using var records = JsonLinesReader.Instance
            .Read(ReaderHarness.Dataset(path, DataFormat.Jsonl), _ => { }, CancellationToken.None).GetEnumerator();

        records.MoveNext().ShouldBeTrue();
        var first = records.Current.Root;
        first.GetProperty("id").GetInt32().ShouldBe(1);
        records.MoveNext().ShouldBeTrue();

        Should.Throw<ObjectDisposedException>(() => first.GetProperty("id"));
    }

    [Fact]
    public void Jsonl_cancelled_token_stops_reading()
    {
        var path = _harness.WriteText("a.jsonl", "{\"id\":1}\n");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Should.Throw<OperationCanceledException>(() => _harness.Read(path, DataFormat.Jsonl, cancelled.Token));
    }

    [Fact]
    public void Jsonl_missing_file_throws_io_exception()
    {
        var path = Path.Combine(Path.GetTempPath(), "ag-no-such-folder", "none.jsonl");

        Should.Throw<IOException>(() => _harness.Read(path, DataFormat.Jsonl));
    }

    private static byte[] Concat(ReadOnlySpan<byte> a, byte[] b, ReadOnlySpan<byte> c) => [.. a, .. b, .. c];
}
