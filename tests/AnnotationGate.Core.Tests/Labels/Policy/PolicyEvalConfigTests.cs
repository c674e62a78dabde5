using AnnotationGate.Core.Engine;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Tests.Labels.Policy;

public sealed class PolicyEvalConfigTests
{
    private static readonly Lazy<GateResult> Result = new(() =>
        new GateRunner().RunAsync(RepositoryPaths.PathOf("eval-configs", "policy.gate.yml")).GetAwaiter().GetResult());

    public static TheoryData<string> Codes()
    {
        var codes = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All.Where(r => r.Code.StartsWith("AG3", StringComparison.Ordinal)))
        {
            codes.Add(rule.Code);
        }

        return codes;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Policy_example_fires_every_rule(string code)
    {
        Result.Value.Findings.ShouldContain(f => f.Code == code);
    }

    [Fact]
    public void Policy_example_fails_with_gate_tables()
    {
        var result = Result.Value;

        result.Verdict.ShouldBe(Verdict.Fail);
        result.Tables.Select(t => t.Title).ShouldBe(["Cost ledger", "Sourcing advice"]);
        result.Tables[0].Rows.Count.ShouldBe(7);
    }
}
