using System.CommandLine;
using System.Text;
using AnnotationGate.Cli.Commands;

namespace AnnotationGate.GitHub.Tests;

/// <summary>Output of one run of the <c>github</c> command.</summary>
public sealed record ActionRun(int ExitCode, string Output, string Error, string Summary, IReadOnlyDictionary<string, string> Outputs)
{
    /// <summary>Lines of standard output that are workflow commands of one kind, such as <c>::error</c>.</summary>
    public IReadOnlyList<string> Commands(string kind) =>
        [.. Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("::" + kind + " ", StringComparison.Ordinal) || l.StartsWith("::" + kind + "::", StringComparison.Ordinal))];
}

/// <summary>
/// A temporary workspace laid out as the runner mounts it (a repository with <c>.git</c>), plus the
/// environment the runner gives a Docker action. Runs the real <c>github</c> command in process.
/// </summary>
public sealed class ActionWorkspace : IDisposable
{
    public const string Token = "ghs_TESTtoken0123456789abcdefSECRET";

    public ActionWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "ag-action-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(Root, ".git"));
        Environment["GITHUB_WORKSPACE"] = Root;
        Environment["GITHUB_EVENT_NAME"] = "push";
        Environment["GITHUB_REPOSITORY"] = $"{FakeGitHubServer.Owner}/{FakeGitHubServer.Name}";
        Environment["GITHUB_SHA"] = "0123456789abcdef0123456789abcdef01234567";
        Environment["INPUT_TOKEN"] = Token;
    }

    public string Root { get; }

    /// <summary>Variables passed to the command, named as the runner names them (INPUT_CACHE-DIR keeps its hyphen).</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Copies the repository's example gates and their data into the workspace.</summary>
    public void CopyExamples()
    {
        var source = Path.Combine(RepositoryRoot(), "eval-configs");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = PathOf(Path.Combine("eval-configs", Path.GetRelativePath(source, file)));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Writes a pull_request event file and points the environment at it and at <paramref name="server"/>.</summary>
    public void PullRequest(FakeGitHubServer server)
    {
        Write("event.json", $"{{\"action\":\"synchronize\",\"number\":{FakeGitHubServer.PullRequestNumber},\"pull_request\":{{\"number\":{FakeGitHubServer.PullRequestNumber}}}}}");
        Environment["GITHUB_EVENT_NAME"] = "pull_request";
        Environment["GITHUB_EVENT_PATH"] = PathOf("event.json");
        Environment["GITHUB_API_URL"] = server.BaseAddress;
    }

    /// <summary>Runs <c>annotationgate github</c> with fresh summary and output files.</summary>
    public async Task<ActionRun> RunAsync(string gate)
    {
        var summary = PathOf("step-summary.md");
        var outputs = PathOf("github-output.txt");
        File.WriteAllText(summary, string.Empty);
        File.WriteAllText(outputs, string.Empty);
        Environment["INPUT_GATE"] = gate;
        Environment["INPUT_CACHE-DIR"] = PathOf(".cache");
        Environment["GITHUB_STEP_SUMMARY"] = summary;
        Environment["GITHUB_OUTPUT"] = outputs;

        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { GitHubCommand.Create(output, error, name => Environment.GetValueOrDefault(name)) };
        var exitCode = await root.Parse(["github"]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        var outputText = await File.ReadAllTextAsync(outputs);
        return new ActionRun(exitCode, output.ToString(), error.ToString(), await File.ReadAllTextAsync(summary), ParseOutputs(outputText));
    }

    /// <summary>
    /// Parses a GITHUB_OUTPUT file as the runner does: <c>name=value</c> lines, or <c>name&lt;&lt;DELIMITER</c>
    /// blocks that end at a line equal to the delimiter. Fails on anything else.
    /// </summary>
    public static Dictionary<string, string> ParseOutputs(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var name = line[..heredoc];
                var delimiter = line[(heredoc + 2)..];
                var value = new StringBuilder();
                var end = Array.IndexOf(lines, delimiter, i + 1);
                end.ShouldBeGreaterThan(i, $"output '{name}' has no closing delimiter '{delimiter}'");
                result[name] = string.Join('\n', lines[(i + 1)..end]);
                i = end;
                continue;
            }

            equals.ShouldBeGreaterThan(0, $"invalid output line '{line}'");
            result[line[..equals]] = line[(equals + 1)..];
        }

        return result;
    }

    /// <summary>Writes a gate over <c>outputs.jsonl</c> with one length check; records longer than <paramref name="max"/> fail.</summary>
    public string WriteLengthGate(string name, int max, IEnumerable<string> replies)
    {
        var lines = replies.Select((reply, i) => System.Text.Json.JsonSerializer.Serialize(new { id = $"r{i + 1}", reply }));
        Write($"{name}/outputs.jsonl", string.Join('\n', lines) + "\n");
        Write($"{name}/{name}.gate.yml",
            $"version: 1\nname: {name}\ndatasets:\n  outputs: {{ path: outputs.jsonl, id: id }}\n"
            + $"checks:\n  - {{ id: reply-length, type: length, dataset: outputs, field: reply, unit: code-points, max: {max} }}\n");
        return $"{name}/{name}.gate.yml";
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "eval-configs")) && File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No folder above the test assembly contains eval-configs.");
    }
}
