using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Tests.Labels.Policy;

// The real crowd data sets with expert gold (RTE and TEMP from Snow et al. 2008, Product from
// Zheng et al. 2017), run through a gate file. The data sits outside the repository, so the test
// copies it next to the gate file in a temp folder.
public sealed class CrowdDataPolicyTests : IClassFixture<CrowdDataPolicyTests.CrowdGate>
{
    private readonly GateResult _result;

    public CrowdDataPolicyTests(CrowdGate gate)
    {
        _result = gate.Result;
    }

    [Theory]
    [InlineData("rte", 0.897, 0.928, 0.2415, 0.2414)]
    [InlineData("temp", 0.936, null, 0.2234, 0.2232)]
    [InlineData("product", 0.897, 0.940, 0.1575, 0.1574)]
    public void Crowd_report_matches_published_figures(
        string name, double majority, double? dawidSkene, double alpha, double fleiss)
    {
        var prefix = name + "-votes.";

        _result.Metric(prefix + "majority-vote-accuracy").Value.ShouldBe(majority, 0.0005);
        _result.Metric(prefix + "krippendorff-alpha").Value.ShouldBe(alpha, 0.00005);
        _result.Metric(prefix + "fleiss-kappa").Value.ShouldBe(fleiss, 0.00005);
        if (dawidSkene is { } ds)
        {
            _result.Metric(prefix + "dawid-skene-accuracy").Value.ShouldBe(ds, 0.01);
        }
    }

    [Fact]
    public void Crowd_table_lists_each_data_set()
    {
        var table = _result.Table("Crowd sources");

        table.Rows.Select(r => (r[0], r[7])).ShouldBe(
            [("product-votes", "product-gold"), ("rte-votes", "rte-gold"), ("temp-votes", "temp-gold")]);
        table.Rows.Select(r => (r[0], Fleiss: r[5], Alpha: r[6])).ShouldBe(
        [
            ("product-votes", "0.1574", "0.1575"),
            ("rte-votes", "0.2414", "0.2415"),
            ("temp-votes", "0.2232", "0.2234"),
        ]);
    }

    [Fact]
    public void Long_form_golden_counts_items_once()
    {
        var ledger = _result.Table("Cost ledger");

        var row = ledger.Rows.Single(r => r[0] == "rte-gold");

        row[2].ShouldBe("800");
        row[3].ShouldBe("800");
    }

    /// <summary>Copies the crowd files into a temp folder and runs one gate over all three, once.</summary>
    public sealed class CrowdGate : IDisposable
    {
        private readonly PolicyGate _gate = new();

        public CrowdGate()
        {
            Copy(SharedData.PathOf("crowd", "snow2008", "rte.standardized.tsv"), "rte.tsv");
            Copy(SharedData.PathOf("crowd", "snow2008", "temp.standardized.tsv"), "temp.tsv");
            Copy(SharedData.PathOf("crowd", "zheng2017-product", "answer.csv"), "answer.csv");
            Copy(SharedData.PathOf("crowd", "zheng2017-product", "truth.csv"), "truth.csv");
            Result = _gate.Run("""
                datasets:
                  rte-votes:
                    path: rte.tsv
                    purpose: training
                    labels: { field: response, source: crowd, item: orig_id, annotator: "!amt_worker_ids" }
                  rte-gold:
                    { path: rte.tsv, id: orig_id, duplicate-ids: allow, purpose: golden, labels: { field: gold, source: expert } }
                  temp-votes:
                    path: temp.tsv
                    purpose: training
                    labels: { field: response, source: crowd, item: orig_id, annotator: "!amt_worker_ids" }
                  temp-gold:
                    { path: temp.tsv, id: orig_id, duplicate-ids: allow, purpose: golden, labels: { field: gold, source: expert } }
                  product-votes:
                    path: answer.csv
                    purpose: training
                    labels: { field: answer, source: crowd, item: question, annotator: worker }
                  product-gold: { path: truth.csv, id: question, purpose: golden, labels: { field: truth, source: expert } }
                """);
        }

        public GateResult Result { get; }

        public void Dispose() => _gate.Dispose();

        private void Copy(string from, string to) => File.Copy(from, Path.Combine(_gate.Folder, to));
    }
}
