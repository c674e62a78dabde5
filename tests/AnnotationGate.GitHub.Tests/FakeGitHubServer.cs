using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AnnotationGate.GitHub.Tests;

/// <summary>One comment held by <see cref="FakeGitHubServer"/>.</summary>
public sealed record FakeComment(long Id, string Login, string Type, string Body);

/// <summary>One request that <see cref="FakeGitHubServer"/> received.</summary>
public sealed record FakeRequest(string Method, string PathAndQuery, string? Authorization, string Body);

/// <summary>
/// A stateful stand-in for the GitHub REST endpoints the Action uses, on 127.0.0.1 with Octokit's
/// Enterprise prefix <c>/api/v3/</c>: the authenticated user, and listing (paginated with Link
/// headers), creating and updating issue comments. Bodies over 65,536 characters get 422, as on GitHub.
/// </summary>
public sealed partial class FakeGitHubServer : IDisposable
{
    public const string Owner = "octo-org";
    public const string Name = "octo-repo";
    public const int PullRequestNumber = 7;

    private readonly HttpListener _listener = new();
    private readonly List<FakeComment> _comments = [];
    private readonly List<FakeRequest> _requests = [];
    private readonly Lock _lock = new();
    private readonly Task _loop;
    private long _nextId = 1000;
    private bool _disposed;

    public FakeGitHubServer()
    {
        Port = FreePort();
        BaseAddress = $"http://127.0.0.1:{Port}/";
        _listener.Prefixes.Add(BaseAddress);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>Address to pass as GITHUB_API_URL.</summary>
    public string BaseAddress { get; }

    /// <summary>Comments per page, whatever per_page the client asks for. Default 100.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Login that GET /user returns; null makes it return 403, as GitHub does for installation tokens.</summary>
    public string? UserLogin { get; set; }

    /// <summary>Login that authors new comments. Default github-actions[bot] (type Bot).</summary>
    public string AuthorLogin { get; set; } = "github-actions[bot]";

    /// <summary>Head commit of the pull request that GET /pulls/{number} returns.</summary>
    public string HeadSha { get; set; } = "feedface00000000000000000000000000000000";

    /// <summary>When true, POST and PATCH get 403 "Resource not accessible by integration", as for forks.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>When set, every request gets 200 with this body instead of JSON, as from a proxy's maintenance page.</summary>
    public string? NonJsonReply { get; set; }

    /// <summary>When set, every reply carries this status and this body (such as a large error page).</summary>
    public (int Status, string Body)? FixedReply { get; set; }

    public IReadOnlyList<FakeComment> Comments
    {
        get
        {
            lock (_lock)
            {
                return [.. _comments];
            }
        }
    }

    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Adds a comment as if someone had posted it before the run.</summary>
    public FakeComment Seed(string login, string type, string body)
    {
        lock (_lock)
        {
            var comment = new FakeComment(_nextId++, login, type, body);
            _comments.Add(comment);
            return comment;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with an exception once the listener is closed.
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                await HandleAsync(context);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = request.Url!.AbsolutePath;
        lock (_lock)
        {
            _requests.Add(new FakeRequest(request.HttpMethod, request.Url.PathAndQuery, request.Headers["Authorization"], body));
        }

        var (status, json, link) = NonJsonReply is { } page ? (200, page, null)
            : FixedReply is { } fixedReply ? (fixedReply.Status, fixedReply.Body, null)
            : Route(request.HttpMethod, path, request.QueryString["page"], body);
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        if (link is not null)
        {
            response.Headers["Link"] = link;
        }

        var bytes = Encoding.UTF8.GetBytes(json);
        await response.OutputStream.WriteAsync(bytes);
    }

    private (int Status, string Json, string? Link) Route(string method, string path, string? page, string body)
    {
        if (path == "/api/v3/user" && method == "GET")
        {
            return UserLogin is null
                ? Forbidden()
                : (200, JsonSerializer.Serialize(new { login = UserLogin, id = 1, type = "User" }), null);
        }

        if (path == $"/api/v3/repos/{Owner}/{Name}/pulls/{PullRequestNumber}" && method == "GET")
        {
            return (200, JsonSerializer.Serialize(new
            {
                number = PullRequestNumber,
                state = "open",
                head = new { sha = HeadSha, @ref = "feature", label = "fork:feature" },
            }), null);
        }

        var list = ListPath().Match(path);
        if (list.Success && list.Groups["number"].Value == PullRequestNumber.ToString(CultureInfo.InvariantCulture))
        {
            return method switch
            {
                "GET" => List(path, page),
                "POST" => Write(body, id: null),
                _ => (405, "{}", null),
            };
        }

        var single = CommentPath().Match(path);
        if (single.Success && method == "PATCH")
        {
            return Write(body, long.Parse(single.Groups["id"].Value, CultureInfo.InvariantCulture));
        }

        return (404, "{\"message\":\"Not Found\"}", null);
    }

    private (int, string, string?) List(string path, string? pageText)
    {
        lock (_lock)
        {
            var page = int.TryParse(pageText, out var p) && p > 0 ? p : 1;
            var items = _comments.Skip((page - 1) * PageSize).Take(PageSize).Select(ToJson).ToList();
            var hasNext = page * PageSize < _comments.Count;
            var link = hasNext ? $"<{BaseAddress.TrimEnd('/')}{path}?page={page + 1}>; rel=\"next\"" : null;
            return (200, "[" + string.Join(",", items) + "]", link);
        }
    }

    private (int, string, string?) Write(string body, long? id)
    {
        if (ReadOnly)
        {
            return Forbidden();
        }

        var text = JsonDocument.Parse(body).RootElement.GetProperty("body").GetString()!;
        if (text.Length > 65_536)
        {
            return (422, "{\"message\":\"Validation Failed\",\"errors\":[{\"message\":\"Body is too long (maximum is 65536 characters)\"}]}", null);
        }

        lock (_lock)
        {
            if (id is null)
            {
                var created = new FakeComment(_nextId++, AuthorLogin, AuthorLogin.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User", text);
                _comments.Add(created);
                return (201, ToJson(created), null);
            }

            var index = _comments.FindIndex(c => c.Id == id);
            if (index < 0)
            {
                return (404, "{\"message\":\"Not Found\"}", null);
            }

            _comments[index] = _comments[index] with { Body = text };
            return (200, ToJson(_comments[index]), null);
        }
    }

    private static (int, string, string?) Forbidden() =>
        (403, "{\"message\":\"Resource not accessible by integration\",\"documentation_url\":\"https://docs.github.com/rest\"}", null);

    private string ToJson(FakeComment comment) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["id"] = comment.Id,
        ["node_id"] = "IC_" + comment.Id.ToString(CultureInfo.InvariantCulture),
        ["url"] = $"{BaseAddress}api/v3/repos/{Owner}/{Name}/issues/comments/{comment.Id}",
        ["html_url"] = $"{BaseAddress}{Owner}/{Name}/pull/{PullRequestNumber}#issuecomment-{comment.Id}",
        ["body"] = comment.Body,
        ["user"] = new Dictionary<string, object> { ["login"] = comment.Login, ["id"] = 41898282, ["type"] = comment.Type },
        ["created_at"] = "2026-01-01T00:00:00Z",
        ["updated_at"] = "2026-01-01T00:00:00Z",
        ["author_association"] = "NONE",
    });

    [GeneratedRegex(@"^/api/v3/repos/[^/]+/[^/]+/issues/(?<number>\d+)/comments$")]
    private static partial Regex ListPath();

    [GeneratedRegex(@"^/api/v3/repos/[^/]+/[^/]+/issues/comments/(?<id>\d+)$")]
    private static partial Regex CommentPath();
}
