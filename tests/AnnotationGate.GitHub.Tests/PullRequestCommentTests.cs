using System.Text;
namespace AnnotationGate.GitHub.Tests;

public sealed class PullRequestCommentTests : IDisposable
{
    private readonly ActionWorkspace _workspace = new();
    private readonly FakeGitHubServer _server = new();

    public PullRequestCommentTests()
    {
        _workspace.CopyExamples();
        _workspace.PullRequest(_server);
    }

    public void Dispose()
    {
        _server.Dispose();
        _workspace.Dispose();
    }

    [Fact]
    public async Task First_run_creates_marked_comment()
    {
        var run = await _workspace.RunAsync("eval-configs/failing.gate.yml");

        run.ExitCode.ShouldBe(1);
        var comment = _server.Comments.ShouldHaveSingleItem();
        comment.Body.ShouldStartWith("<!-- annotationgate: eval-configs/failing.gate.yml -->\n## AnnotationGate: FAIL");
        comment.Body.ShouldContain("AnnotationGate checked commit 0123456");
        run.Outputs["comment-status"].ShouldBe("created");
        run.Outputs["comment-url"].ShouldEndWith($"#issuecomment-{comment.Id}");
        _server.Requests.Count(r => r.Method == "POST").ShouldBe(1);
    }

    [Fact]
    public async Task Second_run_updates_same_comment()
    {
        await _workspace.RunAsync("eval-configs/failing.gate.yml");
        var first = _server.Comments.ShouldHaveSingleItem();

        var run = await _workspace.RunAsync("eval-configs/failing.gate.yml");

        run.Outputs["comment-status"].ShouldBe("updated");
        _server.Comments.ShouldHaveSingleItem().Id.ShouldBe(first.Id);
        _server.Requests.Count(r => r.Method == "POST").ShouldBe(1);
        _server.Requests.ShouldContain(r => r.Method == "PATCH" && r.PathAndQuery.EndsWith($"/issues/comments/{first.Id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Marker_on_second_page_is_found()
    {
        _server.PageSize = 2;
        _server.Seed("octocat", "User", "Looks good to me.");
        _server.Seed("dependabot[bot]", "Bot", "Bumps a package.");
        _server.Seed("octocat", "User", "One more thing.");
        var ours = _server.Seed("github-actions[bot]", "Bot", "<!-- annotationgate: eval-configs/failing.gate.yml -->\nold report");

        var run = await _workspace.RunAsync("eval-configs/failing.gate.yml");

        run.Outputs["comment-status"].ShouldBe("updated");
        _server.Requests.ShouldContain(r => r.Method == "GET" && r.PathAndQuery.Contains("page=2", StringComparison.Ordinal));
        _server.Comments.Count.ShouldBe(4);
        _server.Comments.Single(c => c.Id == ours.Id).Body.ShouldContain("## AnnotationGate: FAIL");
    }

    [Fact]
    public async Task Marker_by_another_user_is_not_updated()
    {
        const string Copied = "<!-- annotationgate: eval-configs/failing.gate.yml -->\nquoted by a person";
        var theirs = _server.Seed("octocat", "User", Copied);

        var run = await _workspace.RunAsync("eval-configs/failing.gate.yml");

        run.Outputs["comment-status"].ShouldBe("created");
        _server.Comments.Count.ShouldBe(2);
        _server.Comments.Single(c => c.Id == theirs.Id).Body.ShouldBe(Copied);
        _server.Requests.ShouldNotContain(r => r.Method == "PATCH");
    }

    [Fact]
    public async Task Actions_login_of_user_type_is_ignored()
    {
        _server.Seed("github-actions[bot]", "User", "<!-- annotationgate: eval-configs/failing.gate.yml -->\nimpostor");

        var run = await _workspace.RunAsync("eval-configs/failing.gate.yml");

        run.Outputs["comment-status"].ShouldBe("created");
        _server.Requests.ShouldNotContain(r => r.Method == "PATCH");
    }

    [Fact]
    public async Task Personal_token_matches_its_own_login()
    {
        _server.UserLogin = "release-bot";
        _server.AuthorLogin = "release-bot";
        var mine = _server.Seed("release-bot", "User", "<!-- annotationgate: eval-configs/failing.gate.yml -->\nold");

        var run = await _workspace.RunAsync("eval-configs/failing.gate.yml");

        run.Outputs["comment-status"].ShouldBe("updated");
        _server.Comments.ShouldHaveSingleItem().Id.ShouldBe(mine.Id);
    }

    [Fact]
    public async Task Comment_author_input_overrides_identity()
    {
        _workspace.Environment["INPUT_COMMENT-AUTHOR"] = "my-app[bot]";
        _server.AuthorLogin = "my-app[bot]";
        var mine = _server.Seed("my-app[bot]", "Bot", "<!-- annotationgate: eval-configs/failing.gate.yml -->\nold");

        var run = await _workspace.RunAsync("eval-configs/failing.gate.yml");

        run.Outputs["comment-status"].ShouldBe("updated");
        _server.Comments.ShouldHaveSingleItem().Id.ShouldBe(mine.Id);
        _server.Requests.ShouldNotContain(r => r.PathAndQuery == "/api/v3/user");
    }

    [Fact]
    public async Task Two_gates_keep_two_comments()
    {
        await _workspace.RunAsync("eval-configs/failing.gate.yml");
        await _workspace.RunAsync("eval-configs/passing.gate.yml");
        await _workspace.RunAsync("eval-configs/passing.gate.yml");

        _server.Comments.Count.ShouldBe(2);
        _server.Comments.ShouldContain(c => c.Body.StartsWith("<!-- annotationgate: eval-configs/passing.gate.yml -->", StringComparison.Ordinal));
        _server.Comments.ShouldContain(c => c.Body.StartsWith("<!-- annotationgate: eval-configs/failing.gate.yml -->", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Non_json_reply_keeps_the_verdict()
    {
        _server.NonJsonReply = "<html>Maintenance</html>";

        var run = await _workspace.RunAsync("eval-configs/passing.gate.yml");

        run.ExitCode.ShouldBe(0);
        run.Outputs["comment-status"].ShouldBe("failed");
        run.Commands("warning").ShouldHaveSingleItem().ShouldContain("could not be read");
        run.Summary.ShouldContain("## AnnotationGate: PASS");
    }

    [Fact]
    public async Task Large_error_page_stays_short()
    {
        _server.FixedReply = (502, "<html>\n## injected\n@octocat " + new string('x', 2_000_000) + "</html>");

        var run = await _workspace.RunAsync("eval-configs/passing.gate.yml");

        run.ExitCode.ShouldBe(0);
        Encoding.UTF8.GetByteCount(run.Summary).ShouldBeLessThan(100_000);
        run.Summary.ShouldNotContain("\n## injected");
        run.Commands("warning").ShouldHaveSingleItem().Length.ShouldBeLessThan(1_000);
    }

    [Fact]
    public async Task Read_only_token_falls_back_with_warning()
    {
        _server.ReadOnly = true;

        var run = await _workspace.RunAsync("eval-configs/failing.gate.yml");

        run.ExitCode.ShouldBe(1);
        run.Outputs["comment-status"].ShouldBe("failed");
        var warning = run.Commands("warning").Where(w => w.Contains("title=AnnotationGate comment", StringComparison.Ordinal)).ShouldHaveSingleItem();
        warning.ShouldContain("GitHub returned 403 (`Resource not accessible by integration`)");
        run.Summary.ShouldStartWith("> [!WARNING]\n> The pull-request comment was not posted");
        run.Summary.ShouldContain("## AnnotationGate: FAIL");
        _server.Comments.ShouldBeEmpty();
    }

    [Fact]
    public async Task Read_only_token_keeps_passing_exit_code()
    {
        _server.ReadOnly = true;

        var run = await _workspace.RunAsync("eval-configs/passing.gate.yml");

        run.ExitCode.ShouldBe(0);
        run.Outputs["verdict"].ShouldBe("pass");
        run.Outputs["comment-status"].ShouldBe("failed");
    }

    [Fact]
    public async Task Unreachable_api_warns_and_continues()
    {
        var closedPort = _server.Port;
        _server.Dispose();
        _workspace.Environment["GITHUB_API_URL"] = $"http://127.0.0.1:{closedPort}/";

        var run = await _workspace.RunAsync("eval-configs/passing.gate.yml");

        run.ExitCode.ShouldBe(0);
        run.Outputs["comment-status"].ShouldBe("failed");
        run.Commands("warning").ShouldHaveSingleItem().ShouldContain("The pull-request comment was not posted");
    }

    [Fact]
    public async Task Invalid_api_address_warns_and_continues()
    {
        _workspace.Environment["GITHUB_API_URL"] = "not a url";

        var run = await _workspace.RunAsync("eval-configs/passing.gate.yml");

        run.ExitCode.ShouldBe(0);
        run.Outputs["comment-status"].ShouldBe("failed");
        run.Commands("warning").ShouldHaveSingleItem().ShouldContain("GITHUB_API_URL `not a url` is not a valid address");
    }

    [Fact]
    public async Task Huge_report_stays_under_comment_limit()
    {
        var replies = Enumerable.Range(0, 400).Select(i => new string('é', 3000) + i);
        var gate = _workspace.WriteLengthGate("huge", max: 10, replies);

        var run = await _workspace.RunAsync(gate);

        run.ExitCode.ShouldBe(1);
        run.Outputs["comment-status"].ShouldBe("created");
        _server.Comments.ShouldHaveSingleItem().Body.Length.ShouldBeLessThanOrEqualTo(PullRequestCommenter.MaxBodyLength);
    }

    [Fact]
    public async Task Token_never_appears_in_any_output()
    {
        _server.ReadOnly = true;

        var run = await _workspace.RunAsync("eval-configs/failing.gate.yml");

        _server.Requests.ShouldContain(r => r.Authorization == "Token " + ActionWorkspace.Token);
        run.Output.ShouldNotContain(ActionWorkspace.Token);
        run.Error.ShouldNotContain(ActionWorkspace.Token);
        run.Summary.ShouldNotContain(ActionWorkspace.Token);
        File.ReadAllText(_workspace.PathOf("github-output.txt")).ShouldNotContain(ActionWorkspace.Token);
        File.ReadAllText(_workspace.PathOf("annotationgate-report.json")).ShouldNotContain(ActionWorkspace.Token);
    }

    [Fact]
    public async Task Push_event_makes_no_request()
    {
        _workspace.Environment["GITHUB_EVENT_NAME"] = "push";

        var run = await _workspace.RunAsync("eval-configs/failing.gate.yml");

        run.Outputs["comment-status"].ShouldBe("skipped");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Comment_input_false_makes_no_request()
    {
        _workspace.Environment["INPUT_COMMENT"] = "false";

        var run = await _workspace.RunAsync("eval-configs/failing.gate.yml");

        run.Outputs["comment-status"].ShouldBe("skipped");
        _server.Requests.ShouldBeEmpty();
    }
}
