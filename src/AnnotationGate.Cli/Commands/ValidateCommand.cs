using System.CommandLine;
using AnnotationGate.Core.Configuration;

namespace AnnotationGate.Cli.Commands;

/// <summary><c>annotationgate validate GATE</c>: checks the gate file only, without reading datasets.</summary>
public static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var gate = new Argument<string>("gate") { Description = "Path of the gate file (.gate.yml or .json)." };
        var command = new Command("validate", "Checks a gate file against the gate-file schema and reports every error with its line and column. Reads no dataset.")
        {
            gate,
        };
        command.SetAction(parseResult => Validate(parseResult.GetValue(gate)!, output, error));
        return command;
    }

    private static int Validate(string path, TextWriter output, TextWriter error)
    {
        try
        {
            var loaded = GateFileLoader.Load(path);
            output.WriteLine($"{path}: valid gate file '{loaded.Config.Name ?? Path.GetFileName(path)}' with {loaded.Config.Datasets.Count} datasets and {loaded.Config.Checks.Count} checks.");
            return ExitCodes.Passed;
        }
        catch (GateConfigurationException ex)
        {
            foreach (var e in ex.Errors)
            {
                error.WriteLine(FormatError(e));
            }

            error.WriteLine($"{ex.Errors.Count} error(s) in {path}.");
            return ExitCodes.CouldNotRun;
        }
    }

    /// <summary>Formats an error the way MSBuild and editors parse it: <c>file(line,col): error AG0001: message</c>.</summary>
    public static string FormatError(ConfigurationError e) =>
        e.Line > 0
            ? $"{e.File}({e.Line},{e.Column}): error AG0001: {e.Message}"
            : $"{e.File}: error AG0001: {e.Message}";
}
