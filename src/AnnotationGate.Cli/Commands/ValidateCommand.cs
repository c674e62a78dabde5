using System.CommandLine;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Engine;

namespace AnnotationGate.Cli.Commands;

/// <summary><c>annotationgate validate GATE</c>: checks the gate file only, without reading datasets.</summary>
public static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var gate = new Argument<string>("gate") { Description = "Path of the gate file (.gate.yml or .json)." };
        var root = new Option<string?>("--root") { Description = "Folder that dataset paths must stay inside. Default: the git repository of the gate file." };
        var command = new Command("validate", "Checks a gate file without reading records: the schema of the file, dataset paths, and each check's keys (schemas, field paths, patterns). Reports every error with its line and column.")
        {
            gate,
            root,
        };
        command.SetAction(parseResult => Validate(parseResult.GetValue(gate)!, parseResult.GetValue(root), output, error));
        return command;
    }

    private static int Validate(string path, string? root, TextWriter output, TextWriter error)
    {
        var errors = new GateRunner(new GateRunOptions { RepositoryRoot = root }).Validate(path);
        if (errors.Count == 0)
        {
            var loaded = GateFileLoader.Load(path);
            output.WriteLine($"{path}: valid gate file '{loaded.Config.Name ?? Path.GetFileName(path)}' with {loaded.Config.Datasets.Count} datasets and {loaded.Config.Checks.Count} checks.");
            return ExitCodes.Passed;
        }

        foreach (var e in errors)
        {
            error.WriteLine(FormatError(e));
        }

        error.WriteLine($"{errors.Count} error(s) in {path}.");
        return ExitCodes.CouldNotRun;
    }

    /// <summary>Formats an error the way MSBuild and editors parse it: <c>file(line,col): error AG0001: message</c>.</summary>
    public static string FormatError(ConfigurationError e) =>
        e.Line > 0
            ? $"{e.File}({e.Line},{e.Column}): error {e.Code}: {e.Message}"
            : $"{e.File}: error {e.Code}: {e.Message}";
}
