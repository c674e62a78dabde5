namespace AnnotationGate.Core.Configuration;

/// <summary>A parsed and validated gate file, with the source position of every key and value.</summary>
public sealed class LoadedGate
{
    private readonly IReadOnlyDictionary<string, (int Line, int Column)> _positions;

    public LoadedGate(string path, string displayPath, GateConfig config, IReadOnlyDictionary<string, (int Line, int Column)> positions)
    {
        Path = path;
        DisplayPath = displayPath;
        Config = config;
        _positions = positions;
    }

    /// <summary>Full path of the gate file.</summary>
    public string Path { get; }

    /// <summary>Path of the gate file as the user gave it.</summary>
    public string DisplayPath { get; }

    public GateConfig Config { get; }

    /// <summary>Builds an error at the position of a JSON Pointer, falling back to its nearest located parent.</summary>
    public ConfigurationError ErrorAt(string pointer, string message)
    {
        var probe = pointer;
        while (true)
        {
            if (_positions.TryGetValue(probe, out var position))
            {
                return new ConfigurationError(DisplayPath, position.Line, position.Column, message) { Pointer = pointer };
            }

            if (probe.Length == 0)
            {
                return new ConfigurationError(DisplayPath, 1, 1, message) { Pointer = pointer };
            }

            probe = probe[..probe.LastIndexOf('/')];
        }
    }
}
