using System.Text;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Tests.Data;

public sealed class JsonArrayReaderTests : IDisposable
{
    private readonly ReaderHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Json_multiline_elements_report_start_lines()
    {
        var text = "[\n  {\n    \"id\": 1,\n    \"tags\": [\"a\",\n      \"b\"]\n  },\r\n  {\"id\": 2},\n\n  {\n\"id\": 3}\n]\n";

        var records = _harness.ReadText("a.json", text, DataFormat.Json);

        records.Select(r => r.Line).ShouldBe([2, 7, 9]);
        records.Select(r => r.Index).ShouldBe([0L, 1L, 2L]);
        records[1].Json.ShouldBe("{\"id\": 2}");
        _harness.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Json_element_spanning_buffers_reads_whole()
    {
        var builder = new StringBuilder("[\n");
        for (var i = 0; i < 3000; i++)
        {
            builder.Append("{\"id\": ").Append(i).Append(", \"text\": \"").Append('y', 90).Append("\"},\n");
        }

        builder.Append("{\"id\": \"big\",\n\"text\": \"").Append('x', 600_000).Append("\"},\n{\"id\": \"after\"}\n]");

        var records = _harness.ReadText("a.json", builder.ToString(), DataFormat.Json);

        records.Count.ShouldBe(3002);
        records[2999].Line.ShouldBe(3001);
        records[3000].Line.ShouldBe(3002);
        records[3000].Json.Length.ShouldBe(600_000 + 25);
        records[3001].Line.ShouldBe(3004);
        records[3001].Json.ShouldBe("{\"id\": \"after\"}");
        _harness.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Json_bom_and_crlf_read()
    {
        var records = _harness.ReadText("a.json", "\uFEFF[\r\n{\"id\": 1},\r\n\r\n{\"id\": 2}]", DataFormat.Json);

        records.Select(r => r.Line).ShouldBe([2, 4]);
        _harness.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Json_empty_array_yields_nothing()
    {
        var records = _harness.ReadText("a.json", "[\r\n]\r\n", DataFormat.Json);

        records.ShouldBeEmpty();
        _harness.Findings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\r\n")]
    [InlineData("\uFEFF")]
    public void Json_empty_file_yields_nothing(string text)
    {
        var records = _harness.ReadText("a.json", text, DataFormat.Json);

        records.ShouldBeEmpty();
        _harness.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Json_top_level_object_reported_once()
    {
        var records = _harness.ReadText("a.json", "\n{\"records\": [{\"id\": 1}]}", DataFormat.Json);

        records.ShouldBeEmpty();
        var finding = _harness.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(RuleCatalog.MalformedRecord);
        finding.Line.ShouldBe(2);
        finding.Message.ShouldContain("an object at the top level");
    }

    [Fact]
    public void Json_malformed_element_stops_file()
    {
        var text = "[\n{\"id\": 1},\n{\"id\": 2,\n  \"x\": tru},\n{\"id\": 3}\n]";

        var records = _harness.ReadText("a.json", text, DataFormat.Json);

        records.Select(r => r.Json).ShouldBe(["{\"id\": 1}"]);
        var finding = _harness.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(RuleCatalog.MalformedRecord);
        finding.Line.ShouldBe(4);
        finding.Column.ShouldNotBeNull();
        finding.Message.ShouldStartWith("The file is not valid JSON: ");
        finding.Message.ShouldContain("Reading stopped here");
        finding.Message.ShouldNotContain("LineNumber");
    }

    [Fact]
    public void Json_malformed_after_buffer_refill_has_right_line()
    {
        var builder = new StringBuilder("[\n");
        for (var i = 0; i < 5000; i++)
        {
            builder.Append("{\"id\": ").Append(i).Append(", \"text\": \"").Append('y', 90).Append("\"},\n");
        }

        builder.Append("{\"id\": oops}\n]");

        var records = _harness.ReadText("a.json", builder.ToString(), DataFormat.Json);

        records.Count.ShouldBe(5000);
        _harness.Findings.ShouldHaveSingleItem().Line.ShouldBe(5002);
    }

    [Fact]
    public void Json_truncated_array_reported()
    {
        var records = _harness.ReadText("a.json", "[\n{\"id\": 1},\n{\"id\": 2}\n", DataFormat.Json);

        records.Count.ShouldBe(2);
        var finding = _harness.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(RuleCatalog.MalformedRecord);
    }

    [Fact]
    public void Json_text_after_array_reported()
    {
        var records = _harness.ReadText("a.json", "[{\"id\": 1}]\n[{\"id\": 2}]", DataFormat.Json);

        records.Count.ShouldBe(1);
        var finding = _harness.Findings.ShouldHaveSingleItem();
        finding.Line.ShouldBe(2);
    }

    [Fact]
    public void Json_non_object_element_skipped()
    {
        var records = _harness.ReadText("a.json", "[{\"id\": 1},\n 7,\n {\"id\": 2}]", DataFormat.Json);

        records.Select(r => r.Index).ShouldBe([0L, 1L]);
        records[1].Line.ShouldBe(3);
        var finding = _harness.Findings.ShouldHaveSingleItem();
        finding.Line.ShouldBe(2);
        finding.Message.ShouldContain("JSON number, not an object");
    }

    [Fact]
    public void Json_invalid_utf8_element_skipped()
    {
        byte[] bytes = [.. "[{\"id\": 1},\n{\"id\": 2,\n\"t\": \"a"u8, 0xFF, .. "\"},\n{\"id\": 3}]"u8];
        var path = _harness.WriteBytes("a.json", bytes);

        var records = _harness.Read(path, DataFormat.Json);

        records.Select(r => r.Json).ShouldBe(["{\"id\": 1}", "{\"id\": 3}"]);
        var finding = _harness.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(RuleCatalog.InvalidUtf8);
        finding.Line.ShouldBe(3);
        finding.Column.ShouldBe(8);
    }
}
