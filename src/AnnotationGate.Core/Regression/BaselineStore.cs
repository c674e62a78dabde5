using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Regression;

/// <summary>Outcome of loading a baseline: the file, or the finding that explains why there is none.</summary>
/// <param name="Baseline">The baseline, or null when it could not be loaded.</param>
/// <param name="Finding">AG2014 when the file does not exist, AG2015 when it is invalid; null on success.</param>
public sealed record BaselineLoadResult(BaselineFile? Baseline, Finding? Finding);

/// <summary>
/// Reads and writes baseline files. Writes are atomic: the JSON goes to a temporary file in the
/// same folder, is flushed to disk, then replaces the target in one move, so a failed or
/// rejected run never leaves a partial or changed baseline behind.
/// </summary>
public static class BaselineStore
{
    private const string FormatVersionProperty = "formatVersion";
    private const string ToolVersionProperty = "toolVersion";

    /// <summary>Serializer settings of the baseline format: camelCase, indented, nulls omitted.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Builds a baseline from <paramref name="result"/> and writes it atomically to
    /// <paramref name="path"/>. Throws <see cref="BaselineException"/> without touching an
    /// existing file when the result is not acceptable (see <see cref="BaselineFile.FromResult"/>).
    /// </summary>
    public static BaselineFile Write(string path, GateResult result, string gateFileSha256, TimeProvider timeProvider)
    {
        var baseline = BaselineFile.FromResult(result, gateFileSha256, timeProvider);
        Write(path, baseline);
        return baseline;
    }

    /// <summary>Writes a baseline atomically, creating the folder when needed.</summary>
    public static void Write(string path, BaselineFile baseline)
    {
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath) ?? ".";
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, baseline, JsonOptions);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// Reads a baseline. Throws <see cref="BaselineException"/> when the file does not exist
    /// (<see cref="BaselineException.IsMissing"/> is then true), is not valid JSON, or has a format
    /// version this tool does not read.
    /// </summary>
    public static BaselineFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new BaselineException(
                $"The baseline file '{path}' does not exist. Record one with 'annotationgate baseline', "
                + "or remove the baseline setting from the gate file.")
            { IsMissing = true };
        }

        byte[] bytes = ReadBytes(path);
        CheckFormatVersion(path, bytes);
        return Deserialize(path, bytes);
    }

    /// <summary>
    /// Reads a baseline and turns a failure into a finding: AG2014 when the file does not exist,
    /// AG2015 when it cannot be used. <paramref name="displayPath"/> is the path as the gate file
    /// wrote it, used in the finding's file field.
    /// </summary>
    public static BaselineLoadResult Load(string path, string? displayPath = null)
    {
        try
        {
            return new BaselineLoadResult(Read(path), null);
        }
        catch (BaselineException exception)
        {
            string code = exception.IsMissing ? RuleCatalog.BaselineMissing : RuleCatalog.BaselineUnreadable;
            var finding = new Finding(code, RuleCatalog.Get(code).DefaultSeverity, exception.Message)
            {
                File = displayPath ?? path,
            };
            return new BaselineLoadResult(null, finding);
        }
    }

    private static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new BaselineException(
                $"The baseline file '{path}' could not be read: {exception.Message} Check its permissions.", exception);
        }
    }

    private static void CheckFormatVersion(string path, byte[] bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException exception)
        {
            throw new BaselineException(
                $"The baseline file '{path}' is not valid JSON (line {exception.LineNumber + 1}). "
                + "Record it again with 'annotationgate baseline'.", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty(FormatVersionProperty, out var version)
                || version.ValueKind != JsonValueKind.Number
                || !version.TryGetInt32(out int format)
                || format < 1)
            {
                throw new BaselineException(
                    $"The baseline file '{path}' has no valid '{FormatVersionProperty}', so it is not an "
                    + "AnnotationGate baseline. Record one with 'annotationgate baseline'.");
            }

            if (format > BaselineFile.CurrentFormatVersion)
            {
                bool named = root.TryGetProperty(ToolVersionProperty, out var tool)
                    && tool.ValueKind == JsonValueKind.String;
                string writer = named ? tool.GetString()! : "an unknown version";
                throw new BaselineException(
                    $"The baseline file '{path}' was written by AnnotationGate {writer} with format {format}; "
                    + $"this version ({ToolInfo.Version}) reads format {BaselineFile.CurrentFormatVersion}. "
                    + "Upgrade AnnotationGate.");
            }
        }
    }

    // The serializer accepts JSON null for non-nullable references, so the reader checks.
    private static bool HasNullEntry(BaselineCheck? check) =>
        check?.Id is null
        || check.Items is null
        || check.Items.Any(item => item?.Id is null || item.Expected is null);

    private static BaselineFile Deserialize(string path, byte[] bytes)
    {
        try
        {
            var baseline = JsonSerializer.Deserialize<BaselineFile>(bytes, JsonOptions);
            if (baseline?.Checks is null || baseline.Checks.Any(HasNullEntry))
            {
                throw new JsonException("An entry is null or an item has no id or expected label.");
            }

            return baseline;
        }
        catch (JsonException exception)
        {
            throw new BaselineException(
                $"The baseline file '{path}' does not match baseline format {BaselineFile.CurrentFormatVersion}: "
                + $"{exception.Message} Record it again with 'annotationgate baseline'.", exception);
        }
    }
}
