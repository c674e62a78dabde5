using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;

namespace AnnotationGate.MSBuild.Reporting;

/// <summary>
/// Reads the CLI's JSON report with the serializer that .NET Framework and .NET both carry, so the
/// task assembly needs no package beyond MSBuild's own.
/// </summary>
public static class GateReportReader
{
    /// <summary>The newest report format version this reader understands.</summary>
    public const int SupportedFormatVersion = 1;

    /// <summary>
    /// Reads the report at <paramref name="path"/>. Throws <see cref="InvalidDataException"/> with a
    /// message for the user when the file is not a report this reader understands.
    /// </summary>
    public static GateReport Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads a report from <paramref name="stream"/>; <paramref name="path"/> names it in messages.</summary>
    public static GateReport Read(Stream stream, string path)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);

        // The serializer accepts a document that ends early, so a cut-off report is caught here.
        if (!EndsWithClosingBrace(buffer.GetBuffer(), (int)buffer.Length))
        {
            throw new InvalidDataException(
                $"The JSON report '{path}' is incomplete: it does not end with '}}'. Run the gate again; if this repeats, check the free disk space.");
        }

        buffer.Position = 0;
        var serializer = new DataContractJsonSerializer(typeof(GateReport));
        GateReport? report;
        try
        {
            report = serializer.ReadObject(buffer) as GateReport;
        }
        catch (SerializationException ex)
        {
            throw new InvalidDataException(
                $"The JSON report '{path}' could not be read: {ex.Message} Run the gate from the command line to see its output.",
                ex);
        }

        if (report is null || report.FormatVersion < 1 || report.Verdict is null)
        {
            throw new InvalidDataException(
                $"The file '{path}' is not an AnnotationGate JSON report: it has no formatVersion or no verdict. Check AnnotationGateCliPath.");
        }

        if (report.FormatVersion > SupportedFormatVersion)
        {
            throw new InvalidDataException(
                $"The JSON report '{path}' has format version {report.FormatVersion}, but this task reads version "
                + $"{SupportedFormatVersion}. Update the AnnotationGate.MSBuild package to match the CLI.");
        }

        return report;
    }

    private static bool EndsWithClosingBrace(byte[] bytes, int length)
    {
        for (var i = length - 1; i >= 0; i--)
        {
            if (bytes[i] is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
            {
                return bytes[i] == (byte)'}';
            }
        }

        return false;
    }
}
