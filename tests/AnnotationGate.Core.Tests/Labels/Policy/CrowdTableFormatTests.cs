using AnnotationGate.Core.Reporting;

namespace AnnotationGate.Core.Tests.Labels.Policy;

// The Crowd sources table and the metric rows print one value with one rounding.
public sealed class CrowdTableFormatTests : IDisposable
{
    private readonly PolicyGate _gate = new();

    public void Dispose() => _gate.Dispose();

    [Fact]
    public void Accuracy_0_9275_prints_alike()
    {
        // 371 of 400 items get three votes for the golden label, 29 get three votes against it.
        _gate.Jsonl("g.jsonl", 400, i => $$"""{"id":"i{{i}}","intent":"a"}""");
        var votes = new System.Text.StringBuilder("item,worker,label\n");
        for (var i = 0; i < 400; i++)
        {
            var label = i < 371 ? "a" : "b";
            votes.Append($"i{i},w1,{label}\ni{i},w2,{label}\ni{i},w3,{label}\n");
        }

        _gate.File("v.csv", votes.ToString());

        var result = _gate.Run("""
            datasets:
              golden: { path: g.jsonl, id: id, purpose: golden, labels: { field: intent, source: expert } }
              votes:
                path: v.csv
                duplicate-ids: allow
                labels: { field: label, source: crowd, item: item, annotator: worker }
            """);

        var metric = result.Metric("votes.majority-vote-accuracy");
        metric.Value.ShouldBe(0.9275);
        NumberFormat.Value(metric).ShouldBe("0.928");
        var table = result.Table("Crowd sources");
        var column = table.Columns.ToList().IndexOf("majority vote accuracy");
        table.Rows.ShouldHaveSingleItem()[column].ShouldBe("0.928");
    }
}
