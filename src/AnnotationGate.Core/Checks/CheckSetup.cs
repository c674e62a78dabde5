using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;

namespace AnnotationGate.Core.Checks;

/// <summary>
/// Helps a check validate its configuration before the run starts: resolves paths and field paths,
/// and records errors at the line and column of the offending key so that all of them are shown at once.
/// </summary>
public sealed class CheckSetup
{
    private readonly LoadedGate _gate;
    private readonly Func<string, string, string> _resolvePath;
    private readonly List<ConfigurationError> _errors;

    internal CheckSetup(LoadedGate gate, int index, string checkId, Func<string, string, string> resolvePath, List<ConfigurationError> errors)
    {
        _gate = gate;
        Index = index;
        CheckId = checkId;
        _resolvePath = resolvePath;
        _errors = errors;
    }

    /// <summary>Position of the check in <c>checks:</c>, from 0.</summary>
    public int Index { get; }

    public string CheckId { get; }

    public GateConfig Config => _gate.Config;

    /// <summary>Folder of the gate file.</summary>
    public string GateDirectory => System.IO.Path.GetDirectoryName(_gate.Path)!;

    /// <summary>Records an error at the check's <paramref name="key"/> (kebab-case, as in the file).</summary>
    public void Fail(string key, string message) => _errors.Add(_gate.ErrorAt($"/checks/{Index}/{key}", message));

    /// <summary>Records an error with its own AG0xxx code, such as AG0011 for an unusable schema file.</summary>
    public void Fail(string key, string code, string message) =>
        _errors.Add(_gate.ErrorAt($"/checks/{Index}/{key}", message) with { Code = code });

    /// <summary>Parses a field path from key <paramref name="key"/>; records an error and returns null when invalid.</summary>
    public FieldPath? FieldPath(string key, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (Data.FieldPath.TryParse(text, out var path, out var error))
        {
            return path;
        }

        Fail(key, error);
        return null;
    }

    /// <summary>Resolves a file path from key <paramref name="key"/>; records an error and returns null when it is missing or leaves the repository.</summary>
    public string? ExistingFile(string key, string? relativePath)
    {
        if (relativePath is null)
        {
            return null;
        }

        try
        {
            var full = _resolvePath(relativePath, key);
            if (!File.Exists(full))
            {
                Fail(key, $"File '{relativePath}' was not found (looked for '{full}'). Check the path; it is relative to the gate file.");
                return null;
            }

            return full;
        }
        catch (GateConfigurationException ex)
        {
            Fail(key, ex.Errors[0].Message);
            return null;
        }
    }

    /// <summary>Returns the named dataset, or records an error naming the datasets that exist.</summary>
    public DatasetConfig? Dataset(string key, string name)
    {
        if (Config.Datasets.TryGetValue(name, out var dataset))
        {
            return dataset;
        }

        var known = string.Join(", ", Config.Datasets.Keys.Order(StringComparer.Ordinal));
        Fail(key, $"Dataset '{name}' is not defined under datasets; defined: {known}.");
        return null;
    }
}
