using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Tests.Reporting;

public sealed class RulePageTests
{
    private static readonly IReadOnlyList<RuleDescriptor> Rules = RuleCatalog.All;

    public static TheoryData<string> Codes() => [.. Rules.Select(rule => rule.Code)];

    [Fact]
    public void Catalog_has_every_block()
    {
        string[] blocks = ["AG0", "AG1", "AG2", "AG3"];

        foreach (var block in blocks)
        {
            Rules.ShouldContain(rule => rule.Code.StartsWith(block, StringComparison.Ordinal), block);
        }
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Page_exists_with_title_line(string code)
    {
        var path = Path.Combine(RepositoryRoot.Path, "docs", "rules", code + ".md");

        File.Exists(path).ShouldBeTrue($"Rule {code} has no page at {path}.");
        File.ReadLines(path).First().ShouldBe($"# {code}: {RuleCatalog.Get(code).Title}");
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Page_has_every_section(string code)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "rules", code + ".md"));

        text.ShouldContain("\n## What it means\n");
        text.ShouldContain("\n## Why it matters\n");
        text.ShouldContain("\n## Example\n");
        text.ShouldContain("\n## How to fix it\n");
        text.ShouldContain("\n## How to turn it down\n");
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Index_lists_code_with_link(string code)
    {
        var index = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "rules", "README.md"));

        index.ShouldContain($"| [{code}]({code}.md) | {RuleCatalog.Get(code).Title} |");
    }
}
