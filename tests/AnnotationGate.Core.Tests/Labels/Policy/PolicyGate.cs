using System.Text;
using AnnotationGate.Core.Engine;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Tests.Labels.Policy;

/// <summary>Writes a gate file and its data into a temp folder and runs it with <see cref="GateRunner"/>.</summary>
internal sealed class PolicyGate : IDisposable
{
    private readonly TempFolder _folder = new();

    public string Folder => _folder.Path;

    public PolicyGate File(string relativePath, string content)
    {
        _folder.Write(relativePath, content);
        return this;
    }

    /// <summary>Writes JSON lines built by <paramref name="line"/> for i = 0 .. count-1.</summary>
    public PolicyGate Jsonl(string relativePath, int count, Func<int, string> line)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(line(i)).Append('\n');
        }

        return File(relativePath, text.ToString());
    }

    /// <summary>Writes <c>version: 1</c> plus <paramref name="body"/> as the gate file and runs it.</summary>
    public GateResult Run(string body)
    {
        var path = _folder.Write("policy.gate.yml", "version: 1\n" + body);
        var runner = new GateRunner(new GateRunOptions { RepositoryRoot = _folder.Path });
        return runner.RunAsync(path).GetAwaiter().GetResult();
    }

    public void Dispose() => _folder.Dispose();
}

internal static class PolicyResults
{
    public static IReadOnlyList<Finding> With(this GateResult result, string code) =>
        [.. result.Findings.Where(f => f.Code == code)];

    public static CheckResult Policy(this GateResult result) =>
        result.Checks.Single(c => c.Id == "policy");

    public static Metric Metric(this GateResult result, string name) =>
        result.Policy().Metrics.Single(m => m.Name == name);

    public static ResultTable Table(this GateResult result, string title) =>
        result.Tables.Concat(result.Policy().Tables).Single(t => t.Title == title);
}
