using System.Text;
using AnnotationGate.MSBuild.Reporting;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AnnotationGate.MSBuild;

/// <summary>
/// Runs one gate with the AnnotationGate CLI in its own process and logs each finding of the JSON
/// report as an MSBuild diagnostic at its file, line and column. The CLI runs out of process so that
/// ML.NET, ONNX Runtime and their native libraries never load into a long-lived MSBuild node.
/// Exit code 0 writes the stamp file; 1 (gate failed) and 2 (could not run) log the report's
/// findings, or one error with the CLI's standard error when the report has no error to show.
/// </summary>
public sealed class RunAnnotationGate : ToolTask
{
    /// <summary>Code of the error logged when the CLI file does not exist.</summary>
    public const string CliNotFoundCode = "AG9001";

    /// <summary>Code of the error logged when the gate failed or could not run and logged no error of its own.</summary>
    public const string NoResultCode = "AG9002";

    private const string HelpLink = "https://github.com/annotationgate/annotationgate/blob/main/docs/msbuild.md#errors-from-the-task";
    private const int MaxStandardErrorLines = 20;

    private readonly List<string> _standardError = [];

    /// <summary>The gate file to run.</summary>
    [Required]
    public string GateFile { get; set; } = string.Empty;

    /// <summary>
    /// The CLI: <c>annotationgate.dll</c>, run with the <c>dotnet</c> host, or an executable such as
    /// the installed <c>annotationgate</c> tool.
    /// </summary>
    [Required]
    public string CliPath { get; set; } = string.Empty;

    /// <summary>Where the CLI writes its JSON report; the file is replaced on every run.</summary>
    [Required]
    public string ReportFile { get; set; } = string.Empty;

    /// <summary>Written when the gate passes and deleted before every run. Empty writes none.</summary>
    public string StampFile { get; set; } = string.Empty;

    /// <summary>
    /// Folder that dataset paths must stay inside (<c>--root</c>). Default: the nearest folder above the
    /// gate file that contains <c>.git</c>, else the gate file's folder, as the CLI does.
    /// </summary>
    public string RootDirectory { get; set; } = string.Empty;

    /// <summary>Folder for the embedding model and cache (<c>--cache</c>). Default: the CLI's default.</summary>
    public string CacheDirectory { get; set; } = string.Empty;

    /// <summary>Fails the gate on warnings too, and logs warning findings as errors. Default: false.</summary>
    public bool WarningsAsErrors { get; set; }

    /// <summary>
    /// The <c>dotnet</c> host that runs a CLI given as a <c>.dll</c>. Default: the <c>DOTNET_HOST_PATH</c>
    /// variable that the .NET SDK sets for builds, else <c>dotnet</c> from <c>PATH</c>.
    /// </summary>
    public string DotnetHostPath { get; set; } = string.Empty;

    protected override string ToolName => IsAssembly ? "dotnet" : Path.GetFileName(CliPath);

    // Distinct importances tell standard error lines apart from standard output lines.
    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.Low;

    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.Normal;

    private bool IsAssembly => CliPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);

    private string FullGatePath => Path.GetFullPath(GateFile);

    public override bool Execute()
    {
        // ONNX Runtime 1.30 on Linux records telemetry unless this variable is set when its native
        // library loads. ToolTask reads EnvironmentVariables at the start of Execute.
        EnvironmentVariables = [.. EnvironmentVariables ?? [], "ORT_DISABLE_TELEMETRY=1"];

        // ToolTask returns true for exit code 0 even when the report could not be read and logged an error.
        return base.Execute() && !Log.HasLoggedErrors;
    }

    protected override string GenerateFullPathToTool() => IsAssembly ? DotnetHost() : Path.GetFullPath(CliPath);

    protected override bool ValidateParameters()
    {
        if (!File.Exists(CliPath))
        {
            Log.LogError(null, CliNotFoundCode, CliNotFoundCode, HelpLink, FullGatePath, 0, 0, 0, 0,
                $"The AnnotationGate CLI '{CliPath}' was not found. Set AnnotationGateCliPath to annotationgate.dll or to the annotationgate executable, or restore the AnnotationGate.MSBuild package again.");
            return false;
        }

        return base.ValidateParameters();
    }

    protected override string GenerateCommandLineCommands()
    {
        var builder = new CommandLineBuilder();
        if (IsAssembly)
        {
            // Run on a newer .NET when the build machine has no .NET 10 runtime.
            builder.AppendSwitch("exec");
            builder.AppendSwitchIfNotNull("--roll-forward ", "Major");
            builder.AppendFileNameIfNotNull(Path.GetFullPath(CliPath));
        }

        builder.AppendSwitch("run");
        builder.AppendFileNameIfNotNull(FullGatePath);
        builder.AppendSwitchIfNotNull("--report-json ", Path.GetFullPath(ReportFile));
        builder.AppendSwitchIfNotNull("--root ", RepositoryRoot());
        if (!string.IsNullOrWhiteSpace(CacheDirectory))
        {
            builder.AppendSwitchIfNotNull("--cache ", Path.GetFullPath(CacheDirectory));
        }

        if (WarningsAsErrors)
        {
            builder.AppendSwitch("--warnings-as-errors");
        }

        return builder.ToString();
    }

    protected override int ExecuteTool(string pathToTool, string responseFileCommands, string commandLineCommands)
    {
        DeleteIfPresent(StampFile);
        DeleteIfPresent(ReportFile);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(ReportFile))!);

        var exitCode = base.ExecuteTool(pathToTool, responseFileCommands, commandLineCommands);
        var report = TryReadReport(exitCode);
        if (report is not null)
        {
            LogReport(report);
        }

        if (exitCode == 0 && !Log.HasLoggedErrors && !string.IsNullOrEmpty(StampFile))
        {
            File.WriteAllText(StampFile, $"passed {FullGatePath}\n");
        }

        return exitCode;
    }

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        // The CLI prints findings as canonical lines too. They are logged as plain text, because the
        // JSON report is the source of the diagnostics and a parsed line would log each error twice.
        if (messageImportance == StandardErrorLoggingImportance)
        {
            _standardError.Add(singleLine);
        }

        Log.LogMessage(messageImportance, "{0}", singleLine);
    }

    // The command a user can paste to run the same gate by hand: the package's CLI is not on PATH.
    private string ManualCommand() =>
        IsAssembly ? $"dotnet \"{Path.GetFullPath(CliPath)}\" run \"{GateFile}\"" : $"\"{Path.GetFullPath(CliPath)}\" run \"{GateFile}\"";

    protected override bool HandleTaskExecutionErrors()
    {
        if (!Log.HasLoggedErrors)
        {
            var outcome = ExitCode == 1 ? "failed" : "could not run";
            Log.LogError(null, NoResultCode, NoResultCode, HelpLink, FullGatePath, 0, 0, 0, 0,
                $"The gate {outcome} (exit code {ExitCode}) and reported no error finding.{StandardErrorText()} Run '{ManualCommand()}' to see the whole output.");
        }

        return false;
    }

    protected override void LogToolCommand(string message) => Log.LogMessage(MessageImportance.Normal, "{0}", message);

    private GateReport? TryReadReport(int exitCode)
    {
        if (!File.Exists(ReportFile))
        {
            if (exitCode == 0)
            {
                Log.LogError(null, NoResultCode, NoResultCode, HelpLink, FullGatePath, 0, 0, 0, 0,
                    $"The gate passed but wrote no JSON report to '{ReportFile}'. Check that AnnotationGateCliPath points at an AnnotationGate CLI.");
            }

            return null;
        }

        try
        {
            return GateReportReader.Read(ReportFile);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Log.LogError(null, NoResultCode, NoResultCode, HelpLink, FullGatePath, 0, 0, 0, 0, ex.Message);
            return null;
        }
    }

    private void LogReport(GateReport report)
    {
        var logger = new FindingLogger(Log, RepositoryRoot(), FullGatePath, WarningsAsErrors);
        logger.LogFindings(report);
        Log.LogMessage(MessageImportance.High, "{0}", FindingLogger.SummaryOf(report, FullGatePath));
    }

    private string StandardErrorText()
    {
        if (_standardError.Count == 0)
        {
            return string.Empty;
        }

        var lines = _standardError.Skip(Math.Max(0, _standardError.Count - MaxStandardErrorLines));
        return " Its standard error ended with: " + string.Join(" | ", lines.Select(line => line.Trim())) + ".";
    }

    private string RepositoryRoot()
    {
        if (!string.IsNullOrWhiteSpace(RootDirectory))
        {
            return Path.GetFullPath(RootDirectory);
        }

        var start = Path.GetDirectoryName(FullGatePath)!;
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var git = Path.Combine(directory.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return directory.FullName;
            }
        }

        return start;
    }

    private string DotnetHost()
    {
        if (!string.IsNullOrWhiteSpace(DotnetHostPath))
        {
            return DotnetHostPath;
        }

        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk!;
        }

        var name = Path.DirectorySeparatorChar == '\\' ? "dotnet.exe" : "dotnet";
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in path.Split([Path.PathSeparator], StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder.Trim(), name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return name;
    }

    private static void DeleteIfPresent(string path)
    {
        if (!string.IsNullOrEmpty(path) && File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
