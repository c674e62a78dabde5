namespace AnnotationGate.Core.Findings;

/// <summary>
/// The list of every rule code. Codes are allocated in blocks: AG0xxx configuration and input,
/// AG1xxx reference-free output checks, AG2xxx golden-set evaluation and regressions, AG3xxx
/// label-source policy, AG4xxx monitoring. Each code has a page <c>docs/rules/CODE.md</c>.
/// </summary>
public static partial class RuleCatalog
{
    /// <summary>Base address of the rule pages; a finding's help link is this plus <c>CODE.md</c>.</summary>
    public const string HelpBaseUri = "https://github.com/annotationgate/annotationgate/blob/main/docs/rules/";

    private static readonly Lazy<IReadOnlyDictionary<string, RuleDescriptor>> ByCode = new(
        () => AllRules().ToDictionary(rule => rule.Code, StringComparer.Ordinal));

    /// <summary>Every rule, ordered by code.</summary>
    public static IReadOnlyList<RuleDescriptor> All => [.. ByCode.Value.Values.OrderBy(r => r.Code, StringComparer.Ordinal)];

    public static RuleDescriptor? Find(string code) => ByCode.Value.GetValueOrDefault(code);

    /// <summary>Returns the rule, or throws for a code that no block defines (a programming error).</summary>
    public static RuleDescriptor Get(string code) =>
        Find(code) ?? throw new ArgumentException($"Rule code '{code}' is not in the rule catalog.", nameof(code));

    public static string HelpUri(string code) => HelpBaseUri + code + ".md";

    private static IEnumerable<RuleDescriptor> AllRules() =>
        ConfigurationRules()
            .Concat(OutputCheckRules())
            .Concat(EvaluationRules())
            .Concat(PolicyRules())
            .Concat(MonitoringRules());
}
