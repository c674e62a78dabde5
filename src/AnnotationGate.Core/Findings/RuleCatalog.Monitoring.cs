namespace AnnotationGate.Core.Findings;

public static partial class RuleCatalog
{
    private static IEnumerable<RuleDescriptor> MonitoringRules() => [];
}
