using System.Reflection;

namespace AnnotationGate.Core;

/// <summary>Name and version of the running tool, as stamped into reports and baselines.</summary>
public static class ToolInfo
{
    public const string Name = "AnnotationGate";

    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split('+')[0] ?? "0.0.0";
}
