using System.Runtime.InteropServices;

namespace AnnotationGate.Embeddings.Onnx;

/// <summary>
/// Turns ONNX Runtime telemetry off before the native library loads. ONNX Runtime 1.30 on Linux
/// writes a device id and an event queue under <c>~/.cache/Microsoft/DeveloperTools/</c> unless
/// <c>ORT_DISABLE_TELEMETRY=1</c> is in the native process environment; on Linux and macOS,
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> changes only the managed copy,
/// so this class also calls the C library's <c>setenv</c>.
/// </summary>
internal static partial class NativeEnvironment
{
    private const string TelemetryVariable = "ORT_DISABLE_TELEMETRY";
    private static readonly Lock Gate = new();
    private static bool _done;

    /// <summary>Sets <c>ORT_DISABLE_TELEMETRY=1</c> in both environments, once per process.</summary>
    public static void DisableOnnxRuntimeTelemetry()
    {
        lock (Gate)
        {
            if (_done)
            {
                return;
            }

            Environment.SetEnvironmentVariable(TelemetryVariable, "1");
            if (!OperatingSystem.IsWindows() && SetEnvironment(TelemetryVariable, "1", 1) != 0)
            {
                throw new InvalidOperationException(
                    $"Setting {TelemetryVariable} in the native environment failed. Set {TelemetryVariable}=1 before starting the tool.");
            }

            _done = true;
        }
    }

    /// <summary>Sets a variable in both the managed and the native environment.</summary>
    public static void SetNative(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        if (!OperatingSystem.IsWindows() && SetEnvironment(name, value, 1) != 0)
        {
            throw new InvalidOperationException($"Setting {name} in the native environment failed.");
        }
    }

    /// <summary>Reads a variable from the native environment, bypassing the managed copy.</summary>
    public static string? GetNative(string name)
    {
        if (OperatingSystem.IsWindows())
        {
            return Environment.GetEnvironmentVariable(name);
        }

        var pointer = GetEnvironment(name);
        return pointer == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(pointer);
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvironment(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnvironment(string name);
}
