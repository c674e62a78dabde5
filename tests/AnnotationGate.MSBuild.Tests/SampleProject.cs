using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace AnnotationGate.MSBuild.Tests;

/// <summary>
/// A project in a temporary folder that imports the AnnotationGate targets from this repository, with
/// a gate file and data, built with a real <c>dotnet build</c>. The folder's nuget.config clears every
/// package source, so a build never reaches the network; the folder is deleted on dispose.
/// </summary>
public sealed class SampleProject : IDisposable
{
    /// <summary>A gate with a JSON Schema check (errors) and a pattern check turned down to warnings.</summary>
    public const string Gate = """
        version: 1
        name: replies
        datasets:
          outputs: { path: data.jsonl, id: id, purpose: outputs }
        checks:
          - id: reply-schema
            type: json-schema
            dataset: outputs
            field: output
            json: strict
            schema: reply.schema.json
          - id: no-personal-data
            type: pattern
            dataset: outputs
            field: output
            must-not-match: ['\d{3}-\d{2}-\d{4}']
        rules: { AG1031: warning }
        """;

    private const string Schema = """
        { "type": "object", "required": ["intent"], "properties": { "intent": { "enum": ["refund", "other"] } } }
        """;

    private static readonly TimeSpan _buildTimeout = TimeSpan.FromMinutes(3);

    private SampleProject(string directory) => Directory = directory;

    public string Directory { get; }

    public string GateFile => Path.Combine(Directory, "eval-configs", "replies.gate.yml");

    public string DataFile => Path.Combine(Directory, "eval-configs", "data.jsonl");

    public string StampFolder => Path.Combine(Directory, "obj", "annotationgate");

    /// <summary>
    /// Creates the sample. An SDK project compiles a class library like a real service would. A plain
    /// project has empty Restore and Build targets and only runs the gate, so its builds are faster.
    /// </summary>
    public static SampleProject Create(bool sdkProject, params string[] dataLines)
    {
        var directory = Path.Combine(Path.GetTempPath(), "annotationgate-msbuild-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "eval-configs"));
        var sample = new SampleProject(directory);
        sample.Write("nuget.config", "<configuration><packageSources><clear /></packageSources></configuration>");
        sample.Write("Directory.Build.props", DirectoryBuildProps());
        sample.Write("Directory.Build.targets", $"""
            <Project>
              <Import Project="{Metadata("AnnotationGateBuildFolder")}/AnnotationGate.MSBuild.targets" />
            </Project>
            """);
        if (sdkProject)
        {
            sample.Write("Sample.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
                </Project>
                """);
            sample.Write("Greeter.cs", "namespace Sample; public static class Greeter { public static string Hello() => \"hi\"; }");
        }
        else
        {
            sample.Write("Sample.proj", """
                <Project DefaultTargets="Build">
                  <Import Project="Directory.Build.props" />
                  <Target Name="Restore" />
                  <Target Name="Build" />
                  <Target Name="Clean" />
                  <Import Project="Directory.Build.targets" />
                </Project>
                """);
        }

        sample.Write("eval-configs/replies.gate.yml", Gate);
        sample.Write("eval-configs/reply.schema.json", Schema);
        sample.WriteData(dataLines);
        return sample;
    }

    /// <summary>Returns a data line whose output is the JSON object <c>{"intent": intent, "note": note}</c>.</summary>
    public static string Record(string id, string intent, string note = "") =>
        $$"""{"id":"{{id}}","output":"{\"intent\":\"{{intent}}\",\"note\":\"{{note}}\"}"}""";

    public void Write(string relativePath, string text) =>
        File.WriteAllText(Path.Combine(Directory, relativePath), text.ReplaceLineEndings("\n") + "\n");

    public void WriteData(params string[] lines) => Write("eval-configs/data.jsonl", string.Join("\n", lines));

    /// <summary>Runs <c>dotnet build</c> in the sample's folder and returns its exit code and output.</summary>
    public BuildResult Build(params string[] properties)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "build", "--disable-build-servers", "-nodeReuse:false", "-tl:off", "-p:UseSharedCompilation=false" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var property in properties)
        {
            start.ArgumentList.Add("-p:" + property);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NUGET_PACKAGES"] = Path.Combine(Directory, ".packages");
        start.Environment["ANNOTATIONGATE_CACHE"] = Path.Combine(Directory, ".cache");
        return Run(start);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open in a build that was killed; the temporary folder is cleaned later.
        }
    }

    private static BuildResult Run(ProcessStartInfo start)
    {
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(_buildTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet build in '{start.WorkingDirectory}' did not finish within {_buildTimeout}. Output so far:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return new BuildResult(process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string DirectoryBuildProps() => $"""
        <Project>
          <PropertyGroup>
            <AnnotationGateTaskAssembly>{Metadata("AnnotationGateTaskAssembly")}</AnnotationGateTaskAssembly>
            <AnnotationGateCliPath>{Metadata("AnnotationGateCliPath")}</AnnotationGateCliPath>
          </PropertyGroup>
          <Import Project="{Metadata("AnnotationGateBuildFolder")}/AnnotationGate.MSBuild.props" />
        </Project>
        """;

    private static string Metadata(string key) =>
        typeof(SampleProject).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is empty; rebuild the test project.");
}

/// <summary>Exit code and combined output of one build.</summary>
public sealed record BuildResult(int ExitCode, string Output)
{
    /// <summary>Returns the output lines that contain <paramref name="text"/>, each once (MSBuild repeats diagnostics in its summary).</summary>
    public IReadOnlyList<string> LinesWith(string text) =>
        [.. Output.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Contains(text, StringComparison.Ordinal)).Distinct()];
}
