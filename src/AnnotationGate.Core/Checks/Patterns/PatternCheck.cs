using System.Globalization;
using System.Text.RegularExpressions;
using AnnotationGate.Core.Checks.Fields;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Checks.Patterns;

/// <summary>
/// Matches a text field against .NET regular expressions: each <c>must-match</c> pattern has to match, and no
/// <c>must-not-match</c> pattern may. Patterns are culture-invariant, optionally case-insensitive, and time out
/// after <see cref="MatchTimeout"/> on one record, which fails that record. A record whose field is missing or
/// not text fails with <see cref="RuleCatalog.ValueNotText"/>. <see cref="Evaluate"/> is thread-safe.
/// </summary>
public sealed class PatternCheck : IRecordCheck
{
    /// <summary>Longest time one pattern may take on one record: 1 second.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private const int ExcerptLength = 80;

    private readonly FieldUsage _field;
    private readonly Regex[] _mustMatch;
    private readonly Regex[] _mustNotMatch;
    private long _records;
    private long _failed;

    private PatternCheck(string id, string dataset, FieldPath field, Regex[] mustMatch, Regex[] mustNotMatch)
    {
        Id = id;
        Dataset = dataset;
        _field = new FieldUsage(field);
        _mustMatch = mustMatch;
        _mustNotMatch = mustNotMatch;
    }

    public string Id { get; }

    public string Dataset { get; }

    /// <summary>
    /// Validates the configuration and creates the check. Returns null when the configuration is invalid,
    /// after reporting each error to <paramref name="setup"/>.
    /// </summary>
    public static PatternCheck? Create(PatternCheckConfig config, CheckSetup setup)
    {
        var field = setup.FieldPath("field", config.Field);
        if (config.MustMatch.Count == 0 && config.MustNotMatch.Count == 0)
        {
            setup.Fail("must-match", "A pattern check needs at least one pattern under must-match or must-not-match.");
            return null;
        }

        var options = RegexOptions.CultureInvariant | RegexOptions.Compiled
            | (config.IgnoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        var mustMatch = Compile(config.MustMatch, "must-match", options, setup);
        var mustNotMatch = Compile(config.MustNotMatch, "must-not-match", options, setup);
        if (field is null || mustMatch is null || mustNotMatch is null)
        {
            return null;
        }

        return new PatternCheck(setup.CheckId, config.Dataset, field, mustMatch, mustNotMatch);
    }

    /// <inheritdoc />
    public CheckOutcome Evaluate(DataRecord record, CheckContext context)
    {
        Interlocked.Increment(ref _records);
        if (!FieldText.TryRead(_field, record, context, Dataset, "match its patterns", out var text))
        {
            Interlocked.Increment(ref _failed);
            return CheckOutcome.Failed;
        }

        var failed = false;
        foreach (var regex in _mustMatch)
        {
            failed |= !CheckRequired(regex, text, record, context);
        }

        foreach (var regex in _mustNotMatch)
        {
            failed |= !CheckForbidden(regex, text, record, context);
        }

        if (!failed)
        {
            return CheckOutcome.Passed;
        }

        Interlocked.Increment(ref _failed);
        return CheckOutcome.Failed;
    }

    /// <inheritdoc />
    public CheckResult Complete(CheckContext context)
    {
        var records = Interlocked.Read(ref _records);
        var failed = Interlocked.Read(ref _failed);
        _field.ReportIfNeverFound(context, Dataset, records);
        var count = records.ToString("N0", CultureInfo.InvariantCulture);
        var failedText = failed.ToString("N0", CultureInfo.InvariantCulture);
        return new CheckResult(Id, CheckTypes.Pattern)
        {
            Dataset = Dataset,
            Status = failed > 0 ? CheckStatus.Failed : CheckStatus.Passed,
            RecordsChecked = records,
            RecordsFailed = failed,
            Summary = $"Matched '{_field.Path}' against {_mustMatch.Length} required and {_mustNotMatch.Length} " +
                $"forbidden patterns on {count} records: {failedText} failed.",
        };
    }

    private static Regex[]? Compile(List<string> patterns, string key, RegexOptions options, CheckSetup setup)
    {
        var compiled = new List<Regex>();
        for (var i = 0; i < patterns.Count; i++)
        {
            try
            {
                compiled.Add(new Regex(patterns[i], options, MatchTimeout));
            }
            catch (ArgumentException ex)
            {
                setup.Fail($"{key}/{i}", $"Pattern '{patterns[i]}' is not a valid .NET regular expression: " +
                    $"{ex.Message} Fix the pattern.");
            }
        }

        return compiled.Count == patterns.Count ? [.. compiled] : null;
    }

    /// <summary>Reports a required pattern that does not match. Returns true when it matches.</summary>
    private bool CheckRequired(Regex regex, string text, DataRecord record, CheckContext context)
    {
        try
        {
            if (regex.IsMatch(text))
            {
                return true;
            }

            Report(RuleCatalog.PatternNotMatched, record, context,
                $"Field '{_field.Path}' does not match the required pattern '{regex}': \"{Excerpt(text)}\". " +
                "Fix the output, or the pattern.");
        }
        catch (RegexMatchTimeoutException)
        {
            ReportTimeout(RuleCatalog.PatternNotMatched, regex, record, context);
        }

        return false;
    }

    /// <summary>
    /// Reports a forbidden pattern that matches, quoting the match. Returns true when it does not match.
    /// </summary>
    private bool CheckForbidden(Regex regex, string text, DataRecord record, CheckContext context)
    {
        try
        {
            var match = regex.Match(text);
            if (!match.Success)
            {
                return true;
            }

            Report(RuleCatalog.ForbiddenPatternMatched, record, context,
                $"Field '{_field.Path}' matches the forbidden pattern '{regex}' at \"{Excerpt(match.Value)}\" " +
                $"(character {match.Index + 1}). Remove it from the output, or narrow the pattern.");
        }
        catch (RegexMatchTimeoutException)
        {
            ReportTimeout(RuleCatalog.ForbiddenPatternMatched, regex, record, context);
        }

        return false;
    }

    private void ReportTimeout(string code, Regex regex, DataRecord record, CheckContext context)
    {
        var seconds = MatchTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        Report(code, record, context,
            $"Pattern '{regex}' took longer than {seconds} s on this record, so the record fails. " +
            "Simplify the pattern, for example by removing nested quantifiers such as (a+)+.");
    }

    private void Report(string code, DataRecord record, CheckContext context, string message) =>
        context.Report(code, message, record, Dataset, _field.Path.ToJsonPointer());

    /// <summary>Returns the first 80 characters, with line breaks and tabs escaped and an ellipsis when cut.</summary>
    private static string Excerpt(string text)
    {
        var cut = Math.Min(text.Length, ExcerptLength);
        if (cut < text.Length && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        var excerpt = text[..cut].Replace("\r", "\\r", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\t", "\\t", StringComparison.Ordinal);
        return cut < text.Length ? excerpt + "…" : excerpt;
    }
}
