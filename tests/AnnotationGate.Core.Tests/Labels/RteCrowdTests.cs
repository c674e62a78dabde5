using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Labels;
using AnnotationGate.Core.Results;
using AnnotationGate.Core.Tests.Evaluation;

namespace AnnotationGate.Core.Tests.Labels;

/// <summary>
/// Snow et al. (EMNLP 2008) RTE crowd labels: 800 items with 10 Mechanical Turk votes each and the
/// PASCAL RTE gold label. The published majority-vote accuracy is 0.897, the expected value when
/// ties are broken at random. Because 65 items tie 5 to 5, any tie rule lands between 0.856 and 0.938.
/// </summary>
public sealed class RteCrowdTests
{
    private const string File = "rte.standardized.tsv";

    [Fact]
    public void Rte_crowd_matches_published_accuracy()
    {
        var records = Records.Tsv(SharedData.PathOf("crowd", "snow2008", File), "orig_id");
        var (harness, check) = Create();

        var result = check.Run(harness.Context(check.Id), _ => records);

        AssertPublishedNumbers(result);
        harness.Findings.Findings.ShouldBeEmpty();
    }

    [RequiresTsvReaderFact]
    public async Task Rte_crowd_through_tsv_reader()
    {
        var (harness, check) = Create();

        var result = await check.RunAsync(harness.Context(check.Id), CancellationToken.None);

        AssertPublishedNumbers(result);
        harness.Findings.Findings.Where(f => f.Severity >= Severity.Warning).ShouldBeEmpty();
    }

    private static void AssertPublishedNumbers(CheckResult result)
    {
        Metric("rte-crowd.items", result).Value.ShouldBe(800);
        Metric("rte-crowd.votes-per-item", result).Value.ShouldBe(10);
        Metric("rte-crowd.ties", result).Value.ShouldBe(65);
        Metric("rte-crowd.expected-accuracy", result).Value.ShouldBe(0.896875, 1e-12);
        Metric("rte-crowd.accuracy", result).Value.ShouldBeInRange(0.856, 0.938);
        Metric("rte-crowd.accuracy", result).Value.ShouldBe(0.9025, 1e-12);
        Metric("rte-crowd.kappa", result).Value.ShouldBe(0.805, 0.0005);
        var row = result.Tables.ShouldHaveSingleItem().Rows.ShouldHaveSingleItem();
        row.ShouldBe(["rte-crowd", "crowd votes", "800", "1.000", "10.00 (10-10)", "164", "65",
            "0.903", "[0.880, 0.921]", "0.897", "0.805"]);
    }

    private static (GateHarness Harness, LabelSourcesCheck Check) Create()
    {
        var config = new GateConfig
        {
            Version = 1,
            Datasets =
            {
                ["rte-gold"] = new DatasetConfig
                {
                    Path = File, Id = "orig_id", Purpose = DatasetPurpose.Golden,
                    DuplicateIds = DuplicateIdPolicy.Allow,
                    Labels = new LabelConfig { Field = "gold", Source = LabelSource.Expert },
                },
                ["rte-crowd"] = new DatasetConfig
                {
                    Path = File, DuplicateIds = DuplicateIdPolicy.Allow,
                    Labels = new LabelConfig
                    {
                        Source = LabelSource.Crowd, Item = "orig_id", Annotator = "!amt_worker_ids", Field = "response",
                    },
                },
            },
            Checks = { new LabelSourcesCheckConfig { Id = "rte-sources", Dataset = "rte-gold" } },
        };
        var harness = new GateHarness(config, SharedData.PathOf("crowd", "snow2008"));
        return (harness, harness.Create().ShouldBeOfType<LabelSourcesCheck>());
    }

    private static Metric Metric(string name, CheckResult result) => result.Metrics.Single(m => m.Name == name);
}

/// <summary>A fact that is skipped while this build has no TSV record reader.</summary>
public sealed class RequiresTsvReaderFactAttribute : FactAttribute
{
    public RequiresTsvReaderFactAttribute()
    {
        try
        {
            RecordReaders.For(DataFormat.Tsv);
        }
        catch (NotSupportedException)
        {
            Skip = "This build has no TSV record reader yet.";
        }
    }
}
