using System.Globalization;
using System.Security.Cryptography;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Reporting;
using AnnotationGate.Core.Results;
using Octokit;
using CheckStatus = AnnotationGate.Core.Results.CheckStatus;

namespace AnnotationGate.GitHub;

/// <summary>
/// Publishes a gate result inside a GitHub Actions step: the JSON report, the log, workflow
/// annotations, the pull-request comment, the job summary and the step outputs. It runs no check.
/// The token is never written: every message that could quote it passes through a scrubber.
/// </summary>
public sealed class ActionHost
{
    /// <summary>Timeout of each REST request: 30 seconds.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Time allowed for the whole comment (finding it and writing it): 90 seconds. The request timeout
    /// alone does not stop a server that sends headers and then trickles the body.
    /// </summary>
    public static readonly TimeSpan CommentTimeout = TimeSpan.FromSeconds(90);

    private const int MaxErrorText = 300;

    /// <summary>Longest Markdown report inside the comment: 60,000 characters, leaving room for the marker and footer.</summary>
    public const int CommentReportLength = 60_000;

    private readonly ActionSettings _settings;
    private readonly TextWriter _output;
    private readonly TextWriter _error;

    /// <summary>Creates a host that prints workflow commands to <paramref name="output"/> and problems to <paramref name="error"/>.</summary>
    public ActionHost(ActionSettings settings, TextWriter output, TextWriter error)
    {
        _settings = settings;
        _output = output;
        _error = error;
    }

    /// <summary>Returns the result with paths relative to the workspace; see <see cref="WorkspacePaths.Normalize"/>.</summary>
    public GateResult Normalize(GateResult result) =>
        _settings.GatePath is { } gatePath ? WorkspacePaths.Normalize(result, _settings.Workspace, gatePath) : result;

    /// <summary>
    /// Prints text that may quote data (record ids, model outputs) with workflow commands turned off,
    /// so a line in the data cannot act as a command.
    /// </summary>
    public void WriteLog(Action<TextWriter> write)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _output.WriteLine(WorkflowCommands.StopCommands(token));
        write(_output);
        _output.WriteLine(WorkflowCommands.ResumeCommands(token));
    }

    /// <summary>
    /// Writes the report, annotations, comment, summary and outputs. Returns false when a file could not
    /// be written, and the step should then exit with 2. A comment that could not be posted is only a
    /// warning. A saved report (the <c>report</c> input) gets no finding annotations, because the step
    /// runs on another commit than the one the report checked.
    /// </summary>
    public async Task<bool> PublishAsync(GateResult result, CancellationToken cancellationToken = default)
    {
        var reportPath = _settings.RelativeToWorkspace(_settings.ReportJsonPath);
        var written = TryWrite("JSON report", _settings.ReportJsonPath,
            () => ReportFormats.WriteFile(result, ReportFormat.Json, _settings.ReportJsonPath));
        if (_settings.SavedReportPath is null)
        {
            foreach (var line in AnnotationWriter.Format(result, reportPath))
            {
                _output.WriteLine(line);
            }
        }

        var comment = await CommentAsync(result, cancellationToken).ConfigureAwait(false);
        if (comment.Status == CommentStatus.Failed)
        {
            _output.WriteLine(WorkflowCommands.Annotation("warning", new AnnotationProperties(Title: "AnnotationGate comment"), comment.Message!));
        }

        written &= WriteSummary(result, comment);
        written &= WriteOutputs(result, comment, reportPath);
        return written;
    }

    private async Task<CommentOutcome> CommentAsync(GateResult result, CancellationToken cancellationToken)
    {
        if (!_settings.ShouldComment)
        {
            return new CommentOutcome(CommentStatus.Skipped);
        }

        if (Target() is not { } target)
        {
            return Failed("the event file or GITHUB_REPOSITORY does not name a pull request", null);
        }

        // On workflow_run the number comes from an artifact of untrusted code, so the pull request's
        // head must be the commit that the finished run checked, which GitHub states in the event.
        string? expectedHead = null;
        if (_settings.EventName == "workflow_run")
        {
            expectedHead = _settings.EventPath is { } eventPath ? EventFile.WorkflowRunHeadSha(eventPath) : null;
            if (expectedHead is null)
            {
                return Failed("the workflow_run event file has no workflow_run.head_sha to check the pull request against", null);
            }
        }

        if (_settings.Token is null)
        {
            return Failed("no token was given", "Set the token input, or leave it at its default ${{ github.token }}.");
        }

        var marker = PullRequestCommenter.Marker(result.GateFile);
        var body = CommentBody(result, marker, expectedHead ?? _settings.Sha);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var commenter = new PullRequestCommenter(CreateClient(_settings.Token), target.Owner, target.Name, target.Number, _settings.CommentAuthor);
            return await commenter.PostAsync(marker, body, expectedHead).WaitAsync(CommentTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return Failed($"the requests to {Describe(_settings.ApiUrl)} took longer than {CommentTimeout.TotalSeconds:0} seconds",
                "Check GITHUB_API_URL and the network, then run the job again; the verdict does not depend on the comment.");
        }
        catch (UriFormatException)
        {
            return Failed($"GITHUB_API_URL {Describe(_settings.ApiUrl)} is not a valid address", "Set it to the REST API's base address, such as https://api.github.com.");
        }
        catch (ApiException ex) when (ex.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound)
        {
            return Failed($"GitHub returned {(int)ex.StatusCode} ({Describe(ex.Message)})",
                "The token cannot write to this pull request, which is expected on pull requests from forks. "
                + "Grant pull-requests: write, or post the comment from a workflow_run workflow as docs/github-action.md shows.");
        }
        catch (ApiException ex)
        {
            return Failed($"GitHub returned {(int)ex.StatusCode} ({Describe(ex.Message)})", "Run the job again; the verdict does not depend on the comment.");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return Failed($"the request to {Describe(_settings.ApiUrl)} failed: {Describe(ex.Message)}", "Check GITHUB_API_URL and the network, then run the job again.");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            // A reply that is not GitHub's JSON (a proxy's error page, a maintenance page) fails inside
            // Octokit's deserializer. Only the comment is lost, not the verdict.
            return Failed($"the reply from {Describe(_settings.ApiUrl)} could not be read ({ex.GetType().Name}: {Describe(ex.Message)})",
                "Check GITHUB_API_URL, then run the job again; the verdict does not depend on the comment.");
        }
    }

    private static CommentOutcome Failed(string reason, string? next) =>
        new(CommentStatus.Failed, Message: $"The pull-request comment was not posted: {reason}. "
            + "The job summary has the full report." + (next is null ? string.Empty : " " + next));

    private GitHubClient CreateClient(string token)
    {
        var product = new Octokit.ProductHeaderValue("AnnotationGate");
        var address = new Uri(_settings.ApiUrl.EndsWith('/') ? _settings.ApiUrl : _settings.ApiUrl + "/");
        var client = new GitHubClient(product, address) { Credentials = new Credentials(token) };
        client.SetRequestTimeout(RequestTimeout);
        return client;
    }

    /// <summary>Builds the comment: the marker, the report and a footer naming <paramref name="commit"/>, the commit the report checked.</summary>
    private static string CommentBody(GateResult result, string marker, string? commit)
    {
        var footer = commit is { Length: >= 7 } sha
            ? $"\n<sub>AnnotationGate checked commit {sha[..7]}; this comment is updated on every run.</sub>\n"
            : "\n<sub>AnnotationGate updates this comment on every run.</sub>\n";
        var markdown = MarkdownReport.Render(result, new MarkdownReportOptions { MaxLength = CommentReportLength });
        return marker + "\n" + markdown + footer;
    }

    private (string Owner, string Name, long Number)? Target()
    {
        var parts = _settings.Repository?.Split('/');
        if (parts is not [{ Length: > 0 } owner, { Length: > 0 } name])
        {
            return null;
        }

        var number = _settings.PullRequestNumber
            ?? (_settings.EventPath is { } eventPath ? EventFile.PullRequestNumber(eventPath) : null);
        return number is { } value ? (owner, name, value) : null;
    }

    private bool WriteSummary(GateResult result, CommentOutcome comment)
    {
        if (_settings.StepSummaryPath is not { } path)
        {
            return true;
        }

        var preamble = comment.Status == CommentStatus.Failed ? $"> [!WARNING]\n> {comment.Message}\n\n" : string.Empty;
        return TryWrite("job summary", path, () => StepSummary.Append(path, StepSummary.Render(result, preamble)));
    }

    private bool WriteOutputs(GateResult result, CommentOutcome comment, string reportPath)
    {
        if (_settings.OutputPath is not { } path)
        {
            return true;
        }

        var outputs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["verdict"] = ReportText.VerdictWord(result.Verdict).ToLowerInvariant(),
            ["passed"] = Count(result.Checks.Count(c => c.Status == CheckStatus.Passed)),
            ["failed"] = Count(result.Checks.Count(c => c.Status == CheckStatus.Failed)),
            ["errors"] = Count(result.Count(Severity.Error)),
            ["warnings"] = Count(result.Count(Severity.Warning)),
            ["notices"] = Count(result.Count(Severity.Notice)),
            ["report-json"] = reportPath,
            ["comment-status"] = comment.Status.ToString().ToLowerInvariant(),
            ["comment-url"] = comment.Url ?? string.Empty,
        };
        return TryWrite("step outputs", path, () => OutputFile.Append(path, outputs));
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private bool TryWrite(string description, string path, Action write)
    {
        try
        {
            write();
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _error.WriteLine($"error: The {description} could not be written to '{path}': {Scrub(ex.Message)} Check that the folder exists and is writable.");
            return false;
        }
    }

    /// <summary>
    /// Quotes text from outside (an API error, an address) for the log and the summary: the token
    /// removed, on one line, at most 300 characters, as a code span so it cannot add Markdown.
    /// </summary>
    private string Describe(string text)
    {
        var line = string.Join(' ', Scrub(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace('`', '\'');
        return "`" + (line.Length > MaxErrorText ? line[..MaxErrorText] + "…" : line) + "`";
    }

    private string Scrub(string text) =>
        _settings.Token is { Length: > 0 } token ? text.Replace(token, "***", StringComparison.Ordinal) : text;
}
