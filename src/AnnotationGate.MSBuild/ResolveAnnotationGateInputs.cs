using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AnnotationGate.MSBuild;

/// <summary>
/// Lists the input files of each gate and decides which gates must run. A gate is up to date when its
/// stamp file (written only after the gate passed) is newer than the gate file, every file the gate
/// file names, its <c>AdditionalInputs</c> metadata and <see cref="CommonInputs"/>. Runs in the
/// MSBuild node and only reads files, so it loads nothing beyond this assembly.
/// </summary>
public sealed class ResolveAnnotationGateInputs : Microsoft.Build.Utilities.Task
{
    /// <summary>The gate files (the <c>AnnotationGate</c> items).</summary>
    [Required]
    public ITaskItem[] Gates { get; set; } = [];

    /// <summary>Folder for stamp files and JSON reports, such as <c>obj/annotationgate/</c>.</summary>
    [Required]
    public string IntermediateDirectory { get; set; } = string.Empty;

    /// <summary>Files every gate depends on: the CLI and the file that records the task options.</summary>
    public ITaskItem[] CommonInputs { get; set; } = [];

    /// <summary>
    /// The gates with metadata <c>StampFile</c>, <c>ReportFile</c> and <c>UpToDate</c>
    /// (<c>true</c> or <c>false</c>).
    /// </summary>
    [Output]
    public ITaskItem[] ResolvedGates { get; set; } = [];

    /// <summary>Every input file of every gate, for the target's <c>Inputs</c>.</summary>
    [Output]
    public ITaskItem[] InputFiles { get; set; } = [];

    /// <summary>The stamp file of every gate, for the target's <c>Outputs</c>.</summary>
    [Output]
    public ITaskItem[] StampFiles { get; set; } = [];

    public override bool Execute()
    {
        var folder = Path.GetFullPath(IntermediateDirectory);
        var resolved = new List<ITaskItem>();
        var inputs = new SortedSet<string>(StringComparer.Ordinal);
        var stamps = new List<ITaskItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var gate in Gates)
        {
            var gateFile = Path.GetFullPath(gate.GetMetadata("FullPath"));
            if (!seen.Add(gateFile))
            {
                continue;
            }

            var gateInputs = InputsOf(gate, gateFile);
            inputs.UnionWith(gateInputs);
            var name = GateInputs.StampName(gateFile);
            var stamp = Path.Combine(folder, name + ".stamp");
            var item = new TaskItem(gateFile);
            item.SetMetadata("StampFile", stamp);
            item.SetMetadata("ReportFile", Path.Combine(folder, name + ".report.json"));
            item.SetMetadata("UpToDate", IsUpToDate(stamp, gateInputs) ? "true" : "false");
            resolved.Add(item);
            stamps.Add(new TaskItem(stamp));
        }

        ResolvedGates = [.. resolved];
        InputFiles = [.. inputs.Select(path => (ITaskItem)new TaskItem(path))];
        StampFiles = [.. stamps];
        return !Log.HasLoggedErrors;
    }

    private List<string> InputsOf(ITaskItem gate, string gateFile)
    {
        var files = new List<string> { gateFile };
        if (File.Exists(gateFile))
        {
            try
            {
                files.AddRange(GateInputs.FindReferencedFiles(gateFile));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The gate run reports an unreadable gate file itself; here it only means "run again".
                Log.LogMessage(MessageImportance.Low, $"AnnotationGate: could not read '{gateFile}' for its inputs: {ex.Message}");
            }
        }

        // Relative paths in metadata are relative to the project file that declared the item.
        var baseDirectory = gate.GetMetadata("DefiningProjectDirectory");
        var additional = gate.GetMetadata("AdditionalInputs");
        foreach (var path in additional.Split([';'], StringSplitOptions.RemoveEmptyEntries))
        {
            files.Add(Path.GetFullPath(Path.Combine(baseDirectory, path.Trim())));
        }

        files.AddRange(CommonInputs.Select(input => Path.GetFullPath(input.ItemSpec)));
        return files;
    }

    private static bool IsUpToDate(string stamp, List<string> inputs)
    {
        if (!File.Exists(stamp))
        {
            return false;
        }

        var stampTime = File.GetLastWriteTimeUtc(stamp);
        foreach (var input in inputs)
        {
            // A missing input changed since the last pass: run the gate, which reports it.
            if (!File.Exists(input) || File.GetLastWriteTimeUtc(input) > stampTime)
            {
                return false;
            }
        }

        return true;
    }
}
