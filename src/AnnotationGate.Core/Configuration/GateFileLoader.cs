namespace AnnotationGate.Core.Configuration;

/// <summary>Reads a gate file (YAML or JSON), validates it against the gate-file schema and binds it.</summary>
public static class GateFileLoader
{
    public static LoadedGate Load(string path) => throw new NotImplementedException(path);
}
