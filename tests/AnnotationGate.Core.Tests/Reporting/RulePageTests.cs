using AnnotationGate.Core.Findings;

namespace AnnotationGate.Core.Tests.Reporting;

public sealed class RulePageTests
{
    // NOTE: limited to the AG0xxx block while the other blocks' pages are written; widen to every code after the merge.
    private static readonly IReadOnlyList<RuleDescriptor> Rules =
        [.. RuleCatalog.All.Where(rule => rule.Code.StartsWith("AG0", StringComparison.Ordinal))];

    public static TheoryData<string> Codes() => [.. Rules.Select(rule => rule.Code)];

    [Fact]
    public void Catalog_has_configuration_block()
    {
        Rules.Count.ShouldBe(11);
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
