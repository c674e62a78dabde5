using Octokit;

namespace AnnotationGate.GitHub;

/// <summary>What happened to the pull-request comment.</summary>
public enum CommentStatus
{
    /// <summary>No comment was due: not a pull request, or the <c>comment</c> input is false.</summary>
    Skipped,
    Created,
    Updated,

    /// <summary>GitHub rejected the request or could not be reached, for the reason in <see cref="CommentOutcome.Message"/>.</summary>
    Failed,
}

/// <summary>Result of posting the comment: its status, its address when posted, and the reason when not.</summary>
public sealed record CommentOutcome(CommentStatus Status, string? Url = null, string? Message = null);

/// <summary>
/// Creates or updates one pull-request comment through the REST API. The comment is found by a hidden
/// marker in its body and by its author, so each gate keeps one comment and comments by other accounts stay unchanged.
/// </summary>
public sealed class PullRequestCommenter
{
    /// <summary>Largest body GitHub accepts: 65,536 characters; a longer one is rejected with 422.</summary>
    public const int MaxBodyLength = 65_536;

    /// <summary>Comments requested per page while searching: 100, GitHub's maximum.</summary>
    public const int PageSize = 100;

    private readonly IGitHubClient _client;
    private readonly string _owner;
    private readonly string _name;
    private readonly long _number;
    private readonly string? _author;

    /// <summary>
    /// Creates a commenter for pull request <paramref name="number"/> of <paramref name="owner"/>/<paramref name="name"/>.
    /// <paramref name="author"/> is the login whose comments may be updated; null finds it from the token.
    /// </summary>
    public PullRequestCommenter(IGitHubClient client, string owner, string name, long number, string? author)
    {
        _client = client;
        _owner = owner;
        _name = name;
        _number = number;
        _author = author;
    }

    /// <summary>Returns the hidden marker of a gate's comment; the gate path keeps two gates on one pull request apart.</summary>
    public static string Marker(string gatePath) =>
        $"<!-- annotationgate: {gatePath.Replace("--", "-\u200B-", StringComparison.Ordinal)} -->";

    /// <summary>
    /// Updates the oldest comment by the token's identity that contains <paramref name="marker"/>, or
    /// creates one. <paramref name="body"/> must contain the marker and be at most
    /// <see cref="MaxBodyLength"/> characters. When <paramref name="expectedHeadSha"/> is set, posts
    /// nothing unless the pull request's head commit equals it. Raises <see cref="ApiException"/> when
    /// GitHub rejects a request.
    /// </summary>
    public async Task<CommentOutcome> PostAsync(string marker, string body, string? expectedHeadSha = null)
    {
        if (body.Length > MaxBodyLength || !body.Contains(marker, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The body must contain the marker and have at most {MaxBodyLength} characters.", nameof(body));
        }

        if (expectedHeadSha is not null && await HeadShaAsync().ConfigureAwait(false) is var head
            && !string.Equals(head, expectedHeadSha, StringComparison.OrdinalIgnoreCase))
        {
            return new CommentOutcome(CommentStatus.Failed, Message:
                $"The pull-request comment was not posted: pull request #{_number} has head commit '{head}', "
                + $"not '{expectedHeadSha}', the commit whose report this is. Check the pull-request number; "
                + "if the pull request received new commits, the next run comments on them.");
        }

        var identity = await IdentityAsync().ConfigureAwait(false);
        var comments = await _client.Issue.Comment
            .GetAllForIssue(_owner, _name, _number, new ApiOptions { PageSize = PageSize })
            .ConfigureAwait(false);
        var existing = comments.FirstOrDefault(c => identity.Matches(c.User) && c.Body?.Contains(marker, StringComparison.Ordinal) == true);
        if (existing is not null)
        {
            var updated = await _client.Issue.Comment.Update(_owner, _name, existing.Id, body).ConfigureAwait(false);
            return new CommentOutcome(CommentStatus.Updated, updated.HtmlUrl);
        }

        var created = await _client.Issue.Comment.Create(_owner, _name, _number, body).ConfigureAwait(false);
        return new CommentOutcome(CommentStatus.Created, created.HtmlUrl);
    }

    private async Task<string> HeadShaAsync()
    {
        if (_number > int.MaxValue)
        {
            return string.Empty;
        }

        var pullRequest = await _client.PullRequest.Get(_owner, _name, (int)_number).ConfigureAwait(false);
        return pullRequest.Head?.Sha ?? string.Empty;
    }

    /// <summary>
    /// Finds the login the token acts as. <c>GET /user</c> returns it for personal and OAuth tokens.
    /// An installation token, such as the default <c>GITHUB_TOKEN</c>, gets 403 there, and its
    /// comments are authored by the bot <c>github-actions[bot]</c>.
    /// </summary>
    private async Task<Identity> IdentityAsync()
    {
        if (_author is not null)
        {
            return new Identity(_author, RequireBot: false);
        }

        try
        {
            var user = await _client.User.Current().ConfigureAwait(false);
            return new Identity(user.Login, RequireBot: false);
        }
        catch (ApiException ex) when (ex is ForbiddenException or NotFoundException)
        {
            // NOTE: a GitHub App's own installation token also lands here, but its comments are
            // authored by '<app-slug>[bot]'. Such users must set the comment-author input.
            return new Identity(ActionSettings.ActionsBotLogin, RequireBot: true);
        }
    }

    private sealed record Identity(string Login, bool RequireBot)
    {
        public bool Matches(User? user) =>
            user is not null
            && string.Equals(user.Login, Login, StringComparison.OrdinalIgnoreCase)
            && (!RequireBot || user.Type == AccountType.Bot);
    }
}
