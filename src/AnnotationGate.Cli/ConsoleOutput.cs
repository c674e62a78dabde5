using AnnotationGate.Core.Results;

namespace AnnotationGate.Cli;

/// <summary>Prints a gate result to the console.</summary>
internal static class ConsoleOutput
{
    public static void Write(GateResult result, TextWriter output)
    {
        foreach (var f in result.Findings)
        {
            var location = f.File is null ? "" : f.Line is { } line ? $"{f.File}({line},{f.Column ?? 1}): " : $"{f.File}: ";
            output.WriteLine($"{location}{f.Severity.ToString().ToLowerInvariant()} {f.Code}: {f.Message}");
        }

        output.WriteLine($"Gate '{result.GateName}': {result.Verdict.ToString().ToUpperInvariant()}");
    }
}
