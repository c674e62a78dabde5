namespace AnnotationGate.GitHub;

/// <summary>
/// The Action's inputs (<c>INPUT_*</c> variables) and the <c>GITHUB_*</c> context of the step, read
/// once. Paths are absolute: relative inputs resolve against the workspace.
/// </summary>
public sealed record ActionSettings
{
    /// <summary>Base address used when <c>GITHUB_API_URL</c> is not set: <c>https://api.github.com/</c>.</summary>
    public const string DefaultApiUrl = "https://api.github.com/";

    /// <summary>Default of the <c>cache-dir</c> input, relative to the workspace.</summary>
    public const string DefaultCacheDirectory = ".annotationgate/cache";

    /// <summary>Default of the <c>report-json</c> input, relative to the workspace.</summary>
    public const string DefaultReportJson = "annotationgate-report.json";

    /// <summary>Login that GitHub shows as the author of comments made with the default <c>GITHUB_TOKEN</c>.</summary>
    public const string ActionsBotLogin = "github-actions[bot]";

    /// <summary>Folder that relative paths resolve against: <c>GITHUB_WORKSPACE</c>, else the current folder.</summary>
    public required string Workspace { get; init; }

    /// <summary>Absolute path of the gate file (<c>gate</c> input); null when a saved report is published instead.</summary>
    public string? GatePath { get; init; }

    /// <summary>
    /// Absolute path of a saved JSON report to publish instead of running the gate (<c>report</c>
    /// input), for a <c>workflow_run</c> workflow that comments on a fork's pull request.
    /// </summary>
    public string? SavedReportPath { get; init; }

    /// <summary>
    /// Pull request to comment on (<c>pull-request</c> input); null takes it from the event file.
    /// Setting it makes the Action comment on any event, such as <c>workflow_run</c>.
    /// </summary>
    public long? PullRequestNumber { get; init; }

    public bool WarningsAsErrors { get; init; }

    /// <summary>Absolute path of the baseline file (<c>baseline</c> input); null uses the gate file's key.</summary>
    public string? BaselinePath { get; init; }

    /// <summary>Absolute path of the embedding cache folder (<c>cache-dir</c> input).</summary>
    public required string CacheDirectory { get; init; }

    /// <summary>Absolute path where the JSON report is written (<c>report-json</c> input).</summary>
    public required string ReportJsonPath { get; init; }

    /// <summary>Whether to post the pull-request comment (<c>comment</c> input). Default true.</summary>
    public bool Comment { get; init; } = true;

    /// <summary>
    /// Login whose comments may be updated (<c>comment-author</c> input). Null finds it from the token:
    /// <c>GET /user</c>, else <see cref="ActionsBotLogin"/>.
    /// </summary>
    public string? CommentAuthor { get; init; }

    /// <summary>Token for the REST API (<c>token</c> input, else <c>GITHUB_TOKEN</c>); null when neither is set.</summary>
    public string? Token { get; init; }

    public string? EventName { get; init; }

    public string? EventPath { get; init; }

    /// <summary>Repository as <c>owner/name</c> (<c>GITHUB_REPOSITORY</c>).</summary>
    public string? Repository { get; init; }

    public string ApiUrl { get; init; } = DefaultApiUrl;

    /// <summary>Commit that the run checks (<c>GITHUB_SHA</c>).</summary>
    public string? Sha { get; init; }

    /// <summary>File that receives the job summary (<c>GITHUB_STEP_SUMMARY</c>); null outside Actions.</summary>
    public string? StepSummaryPath { get; init; }

    /// <summary>File that receives step outputs (<c>GITHUB_OUTPUT</c>); null outside Actions.</summary>
    public string? OutputPath { get; init; }

    /// <summary>Whether the step should post the comment: on pull-request events, or when a number was given.</summary>
    public bool ShouldComment => Comment && (EventName is "pull_request" or "pull_request_target" || PullRequestNumber is not null);

    /// <summary>
    /// Reads the settings from <paramref name="environment"/> (a variable lookup such as
    /// <see cref="Environment.GetEnvironmentVariable(string)"/>). Invalid inputs raise
    /// <see cref="ActionInputException"/> with a message that names the input and its value.
    /// </summary>
    public static ActionSettings Read(Func<string, string?> environment)
    {
        var inputs = new ActionInputs(environment);
        var workspace = Path.GetFullPath(NonEmpty(environment("GITHUB_WORKSPACE")) ?? Directory.GetCurrentDirectory());
        var gate = inputs.Text("gate");
        var savedReport = inputs.Text("report");
        if (gate is null && savedReport is null)
        {
            throw new ActionInputException("Input 'gate' is missing. Set it to the gate file's path relative to the repository, for example eval-configs/support.gate.yml.");
        }

        return new ActionSettings
        {
            Workspace = workspace,
            GatePath = gate is null ? null : InsideWorkspace("gate", gate, workspace),
            SavedReportPath = savedReport is null ? null : InsideWorkspace("report", savedReport, workspace),
            PullRequestNumber = inputs.PositiveInteger("pull-request"),
            WarningsAsErrors = inputs.Boolean("warnings-as-errors", defaultValue: false),
            BaselinePath = inputs.Text("baseline") is { } baseline ? InsideWorkspace("baseline", baseline, workspace) : null,
            CacheDirectory = Path.GetFullPath(inputs.Text("cache-dir") ?? DefaultCacheDirectory, workspace),
            ReportJsonPath = Path.GetFullPath(inputs.Text("report-json") ?? DefaultReportJson, workspace),
            Comment = inputs.Boolean("comment", defaultValue: true),
            CommentAuthor = inputs.Text("comment-author"),
            Token = inputs.Text("token") ?? NonEmpty(environment("GITHUB_TOKEN")),
            EventName = NonEmpty(environment("GITHUB_EVENT_NAME")),
            EventPath = NonEmpty(environment("GITHUB_EVENT_PATH")),
            Repository = NonEmpty(environment("GITHUB_REPOSITORY")),
            ApiUrl = NonEmpty(environment("GITHUB_API_URL")) ?? DefaultApiUrl,
            Sha = NonEmpty(environment("GITHUB_SHA")),
            StepSummaryPath = NonEmpty(environment("GITHUB_STEP_SUMMARY")),
            OutputPath = NonEmpty(environment("GITHUB_OUTPUT")),
        };
    }

    /// <summary>Returns a path relative to the workspace with forward slashes, or the full path when outside it.</summary>
    public string RelativeToWorkspace(string path) => WorkspacePaths.Relative(Workspace, path);

    // Returns the full path of an input that must lie inside the workspace. Only the workspace is
    // mounted in the container, and annotations, the comment's marker and the baseline use paths
    // relative to it.
    private static string InsideWorkspace(string input, string value, string workspace)
    {
        if (!WorkspacePaths.IsInside(workspace, value))
        {
            throw new ActionInputException(
                $"Input '{input}' is '{value}', which is outside the workspace '{workspace}'. "
                + "Give a path inside the repository, relative to its root.");
        }

        return Path.GetFullPath(value, workspace);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// Reads <c>INPUT_&lt;NAME&gt;</c> variables: the runner upper-cases the input name, turns spaces
    /// into underscores and keeps hyphens.
    /// </summary>
    private sealed class ActionInputs(Func<string, string?> environment)
    {
        public string? Text(string name) =>
            NonEmpty(environment("INPUT_" + name.Replace(' ', '_').ToUpperInvariant()));

        public bool Boolean(string name, bool defaultValue)
        {
            var text = Text(name);
            if (text is null)
            {
                return defaultValue;
            }

            if (bool.TryParse(text, out var value))
            {
                return value;
            }

            throw new ActionInputException($"Input '{name}' is '{text}', which is not a boolean. Set it to true or false.");
        }

        public long? PositiveInteger(string name)
        {
            var text = Text(name);
            if (text is null)
            {
                return null;
            }

            if (long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                return value;
            }

            throw new ActionInputException($"Input '{name}' is '{text}', which is not a pull-request number. Set it to a positive integer, or leave it empty.");
        }
    }
}

/// <summary>An Action input or context variable that is missing or invalid.</summary>
public sealed class ActionInputException(string message) : Exception(message);
