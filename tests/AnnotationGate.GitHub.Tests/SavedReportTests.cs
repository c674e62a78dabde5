namespace AnnotationGate.GitHub.Tests;

public sealed class SavedReportTests : IDisposable
{
    private const string HeadSha = "feedface00000000000000000000000000000000";

    private readonly ActionWorkspace _workspace = new();
    private readonly FakeGitHubServer _server = new();

    public SavedReportTests()
    {
        _workspace.CopyExamples();
    }

    public void Dispose()
    {
        _server.Dispose();
        _workspace.Dispose();
    }

    [Fact]
    public async Task Workflow_run_posts_saved_report()
    {
        await SaveReportAsync();
        WorkflowRun(HeadSha);

        var run = await _workspace.RunAsync(gate: string.Empty);

        run.ExitCode.ShouldBe(1);
        run.Outputs["comment-status"].ShouldBe("created");
        var comment = _server.Comments.ShouldHaveSingleItem();
        comment.Body.ShouldStartWith("<!-- annotationgate: eval-configs/failing.gate.yml -->\n## AnnotationGate: FAIL");
        comment.Body.ShouldContain("AnnotationGate checked commit feedfac;");
        run.Commands("error").ShouldBeEmpty();
        run.Summary.ShouldStartWith("## AnnotationGate: FAIL");
    }

    [Fact]
    public async Task Workflow_run_updates_comment_of_first_run()
    {
        _workspace.PullRequest(_server);
        await SaveReportAsync();
        var first = _server.Comments.ShouldHaveSingleItem();
        WorkflowRun(HeadSha);

        var run = await _workspace.RunAsync(gate: string.Empty);

        run.Outputs["comment-status"].ShouldBe("updated");
        _server.Comments.ShouldHaveSingleItem().Id.ShouldBe(first.Id);
    }

    [Fact]
    public async Task Other_head_commit_blocks_comment()
    {
        await SaveReportAsync();
        WorkflowRun("0000000000000000000000000000000000000bad");

        var run = await _workspace.RunAsync(gate: string.Empty);

        run.ExitCode.ShouldBe(1);
        run.Outputs["comment-status"].ShouldBe("failed");
        run.Commands("warning").ShouldHaveSingleItem().ShouldContain("has head commit 'feedface");
        _server.Comments.ShouldBeEmpty();
        _server.Requests.ShouldNotContain(r => r.Method == "POST");
    }

    [Fact]
    public async Task Invalid_pull_request_input_exits_two()
    {
        await SaveReportAsync();
        WorkflowRun(HeadSha);
        _workspace.Environment["INPUT_PULL-REQUEST"] = "7; rm -rf /";

        var run = await _workspace.RunAsync(gate: string.Empty);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("Input 'pull-request' is '7; rm -rf /', which is not a pull-request number.");
    }

    [Fact]
    public async Task Unreadable_saved_report_exits_two()
    {
        _workspace.Write("saved/report.json", "{ not json");
        WorkflowRun(HeadSha);

        var run = await _workspace.RunAsync(gate: string.Empty);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("Input 'report'");
        _server.Requests.ShouldBeEmpty();
    }

    private async Task SaveReportAsync()
    {
        var run = await _workspace.RunAsync("eval-configs/failing.gate.yml");
        run.ExitCode.ShouldBe(1);
        Directory.CreateDirectory(_workspace.PathOf("saved"));
        File.Copy(_workspace.PathOf("annotationgate-report.json"), _workspace.PathOf("saved/report.json"));
    }

    private void WorkflowRun(string headSha)
    {
        _workspace.Write("workflow-run.json", $"{{\"action\":\"completed\",\"workflow_run\":{{\"head_sha\":\"{headSha}\",\"event\":\"pull_request\"}}}}");
        _workspace.Environment["GITHUB_EVENT_NAME"] = "workflow_run";
        _workspace.Environment["GITHUB_EVENT_PATH"] = _workspace.PathOf("workflow-run.json");
        _workspace.Environment["GITHUB_API_URL"] = _server.BaseAddress;
        _workspace.Environment["INPUT_REPORT"] = "saved/report.json";
        _workspace.Environment["INPUT_PULL-REQUEST"] = FakeGitHubServer.PullRequestNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _workspace.Environment["INPUT_REPORT-JSON"] = "republished.json";
    }
}
