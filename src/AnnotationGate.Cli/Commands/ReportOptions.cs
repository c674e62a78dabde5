using System.CommandLine;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Reporting;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Cli.Commands;

/// <summary>The report-file options shared by commands that run a gate.</summary>
public sealed class ReportOptions
{
    private readonly (Option<string?> Option, ReportFormat Format)[] _options =
    [
        (new Option<string?>("--report-json") { Description = "Write the JSON report to this file (format in docs/report-format.md)." }, ReportFormat.Json),
        (new Option<string?>("--report-markdown") { Description = "Write the Markdown report to this file." }, ReportFormat.Markdown),
        (new Option<string?>("--junit") { Description = "Write a JUnit XML report to this file." }, ReportFormat.JUnit),
        (new Option<string?>("--sarif") { Description = "Write a SARIF 2.1.0 log to this file." }, ReportFormat.Sarif),
    ];

    public void AddTo(Command command)
    {
        foreach (var (option, _) in _options)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// Writes each requested report. A report is not written when it would replace the gate file or a
    /// dataset, share a file with another report, or go to a missing folder. Each failure is printed,
    /// the other reports are still written, and the method returns false.
    /// </summary>
    public bool Write(GateResult result, ParseResult parseResult, TextWriter error)
    {
        var protectedFiles = InputFiles(result.GateFile);
        var allWritten = true;
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (option, format) in _options)
        {
            if (parseResult.GetValue(option) is not { } path)
            {
                continue;
            }

            if (!targets.TryAdd(RealPath(path), option.Name))
            {
                error.WriteLine($"error: {option.Name} '{path}' is the same file as {targets[RealPath(path)]}; the report was not written. Give each report its own file.");
                allWritten = false;
                continue;
            }

            allWritten &= TryWrite(result, format, path, option.Name, protectedFiles, error);
        }

        return allWritten;
    }

    private static bool TryWrite(GateResult result, ReportFormat format, string path, string optionName, HashSet<string> protectedFiles, TextWriter error)
    {
        var full = Path.GetFullPath(path);
        if (protectedFiles.Contains(RealPath(full)))
        {
            error.WriteLine($"error: {optionName} '{path}' is an input of the gate; the report was not written. Choose another file name.");
            return false;
        }

        try
        {
            ReportFormats.WriteFile(result, format, full);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {optionName} '{path}' could not be written: {ex.Message} Check that the folder exists and is writable.");
            return false;
        }
    }

    /// <summary>Returns the full path with a symbolic link at its end followed, so a link to an input is caught.</summary>
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full;
        }
    }

    private static HashSet<string> InputFiles(string gateFile)
    {
        var files = new HashSet<string>(StringComparer.Ordinal) { RealPath(gateFile) };
        try
        {
            var gate = GateFileLoader.Load(gateFile);
            var folder = Path.GetDirectoryName(gate.Path)!;
            foreach (var dataset in gate.Config.Datasets.Values)
            {
                files.Add(RealPath(Path.Combine(folder, dataset.Path)));
            }
        }
        catch (GateConfigurationException)
        {
            // An invalid gate file has no datasets to protect; the gate file itself still is.
        }

        return files;
    }
}
