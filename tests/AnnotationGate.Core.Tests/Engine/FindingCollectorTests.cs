using AnnotationGate.Core.Engine;
using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Tests.Engine;

public sealed class FindingCollectorTests
{
    [Fact]
    public void Cap_keeps_earliest_lines_in_any_order()
    {
        var collector = new FindingCollector(maxPerRule: 3);
        int[] lines = [9, 2, 7, 1, 5, 3];

        Parallel.ForEach(lines, line => collector.Add(At(line)));

        collector.Findings.Select(f => f.Line).ShouldBe([1, 2, 3]);
        collector.Omitted.ShouldHaveSingleItem().Count.ShouldBe(3);
    }

    [Fact]
    public void Rules_map_changes_severity_and_off_drops()
    {
        var severities = new Dictionary<string, Severity>
        {
            [RuleCatalog.LengthOutOfBounds] = Severity.Warning,
            [RuleCatalog.PatternNotMatched] = Severity.Off,
        };
        var collector = new FindingCollector(severities);

        collector.Add(At(1));
        collector.Add(new Finding(RuleCatalog.PatternNotMatched, Severity.Error, "dropped"));

        collector.Findings.ShouldHaveSingleItem().Severity.ShouldBe(Severity.Warning);
        collector.HasAtLeast(Severity.Error).ShouldBeFalse();
    }

    [Fact]
    public void Check_severity_wins_over_rules_map()
    {
        var collector = new FindingCollector(new Dictionary<string, Severity> { [RuleCatalog.LengthOutOfBounds] = Severity.Off });

        collector.Add(At(1), checkSeverity: Severity.Notice);

        collector.Findings.ShouldHaveSingleItem().Severity.ShouldBe(Severity.Notice);
    }

    [Fact]
    public void Unconfigurable_rule_keeps_its_severity()
    {
        var collector = new FindingCollector(new Dictionary<string, Severity> { [RuleCatalog.InvalidGateFile] = Severity.Off });

        collector.Add(new Finding(RuleCatalog.InvalidGateFile, Severity.Error, "bad"), checkSeverity: Severity.Notice);

        collector.Findings.ShouldHaveSingleItem().Severity.ShouldBe(Severity.Error);
    }

    private static Finding At(int line) =>
        new(RuleCatalog.LengthOutOfBounds, Severity.Error, $"line {line}") { File = "a.jsonl", Line = line };
}
