using System.Text.Json;

namespace AnnotationGate.GitHub;

/// <summary>Reads the event payload that the runner writes to <c>GITHUB_EVENT_PATH</c>.</summary>
public static class EventFile
{
    /// <summary>
    /// Returns the pull-request number: <c>pull_request.number</c>, else the top-level <c>number</c>;
    /// null when the file is missing, not JSON, or has neither.
    /// </summary>
    public static long? PullRequestNumber(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("pull_request", out var pullRequest)
                && pullRequest.ValueKind == JsonValueKind.Object
                && pullRequest.TryGetProperty("number", out var number)
                && number.TryGetInt64(out var value))
            {
                return value;
            }

            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("number", out var top) && top.TryGetInt64(out var topValue)
                ? topValue
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Returns <c>workflow_run.head_sha</c>, the commit a finished run checked; null when absent.</summary>
    public static string? WorkflowRunHeadSha(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("workflow_run", out var run)
                && run.ValueKind == JsonValueKind.Object
                && run.TryGetProperty("head_sha", out var sha)
                && sha.ValueKind == JsonValueKind.String
                    ? sha.GetString()
                    : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
