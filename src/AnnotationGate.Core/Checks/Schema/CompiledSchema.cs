using System.Text.Json;
using System.Text.RegularExpressions;
using AnnotationGate.Core.Json;
using Json.Schema;

namespace AnnotationGate.Core.Checks.Schema;

/// <summary>One reason an instance does not match a schema.</summary>
/// <param name="InstancePointer">JSON Pointer of the failing value; empty for the whole instance.</param>
/// <param name="SchemaPointer">Evaluation path of the failing keyword, such as <c>/properties/a/maxLength</c>.</param>
/// <param name="Keyword">The failing keyword, such as <c>maxLength</c>.</param>
/// <param name="Message">The validator's explanation.</param>
public sealed record SchemaError(string InstancePointer, string SchemaPointer, string Keyword, string Message);

/// <summary>
/// A schema that passed inspection and compiled with JsonSchema.Net, with <c>format</c> enforced.
/// Validation is thread-safe; an exception inside the validator makes the instance invalid, never valid.
/// </summary>
public sealed class CompiledSchema
{
    private static readonly EvaluationOptions FlagOptions = CreateFlagOptions();

    private static readonly EvaluationOptions ListOptions = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
        FormatRegistry = SchemaFormats.Registry,
    };

    private readonly JsonSchema _schema;
    private readonly FastValidator? _fast;
    private readonly JsonElement? _root;
    private const int MaxAllowedShown = 10;

    /// <summary>
    /// Options of the fast path. Collecting annotations halves its speed. JsonSchema.Net still keeps the
    /// annotations that other keywords depend on (unevaluatedProperties, unevaluatedItems) under
    /// IgnoreAllAnnotations, as the test suite run confirms.
    /// </summary>
    private static EvaluationOptions CreateFlagOptions()
    {
        var options = new EvaluationOptions
        {
            OutputFormat = OutputFormat.Flag,
            RequireFormatValidation = true,
            FormatRegistry = SchemaFormats.Registry,
        };
        options.IgnoreAllAnnotations();
        return options;
    }

    internal CompiledSchema(JsonSchema schema, string displayName, SchemaDialect dialect, FastValidator? fast, JsonElement? root = null)
    {
        _schema = schema;
        _root = root;
        _fast = fast;
        DisplayName = displayName;
        Dialect = dialect;
    }

    /// <summary>Name of the schema in messages, usually its path as written in the gate file.</summary>
    public string DisplayName { get; }

    public SchemaDialect Dialect { get; }

    /// <summary>Returns whether <paramref name="instance"/> matches; the fast path, without error details.</summary>
    public bool IsValid(JsonElement instance)
    {
        try
        {
            if (_fast is not null && FastConfirms(instance))
            {
                return true;
            }

            return IsValidByLibrary(instance);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return false;
        }
    }

    /// <summary>
    /// Validates <paramref name="instance"/> and explains a failure with at most
    /// <paramref name="maxErrors"/> errors (and the total count). The json-schema check decides with
    /// this method. With a fast path, a record it does not confirm goes straight to the explaining
    /// evaluation, so that a failing record is evaluated once by JsonSchema.Net instead of twice.
    /// </summary>
    public (bool IsValid, IReadOnlyList<SchemaError> Errors, int Total) Validate(JsonElement instance, int maxErrors)
    {
        var confirmed = _fast is not null ? FastConfirms(instance) : IsValid(instance);
        if (confirmed)
        {
            return (true, [], 0);
        }

        var (errors, total) = Explain(instance, maxErrors);
        return (total == 0, errors, total);
    }

    /// <summary>Returns whether JsonSchema.Net alone, without the fast path, finds the instance valid.</summary>
    internal bool IsValidByLibrary(JsonElement instance) => _schema.Evaluate(instance, FlagOptions).IsValid;

    /// <summary>True when the schema uses only the keywords of <see cref="FastValidator"/>.</summary>
    internal bool HasFastPath => _fast is not null;

    /// <summary>Returns whether the fast path alone confirms <paramref name="instance"/> as valid.</summary>
    internal bool FastConfirms(JsonElement instance)
    {
        try
        {
            return _fast!.IsValid(instance);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// Returns why <paramref name="instance"/> does not match, at most <paramref name="max"/> errors in
    /// document order, and the total count; empty when it matches.
    /// </summary>
    public (IReadOnlyList<SchemaError> Errors, int Total) Explain(JsonElement instance, int max)
    {
        EvaluationResults results;
        try
        {
            results = _schema.Evaluate(instance, ListOptions);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var message = $"The validator failed on this value ({ex.GetType().Name}: {ex.Message})";
            var failure = new SchemaError("", "", "", message);
            return ([failure], 1);
        }

        if (results.IsValid)
        {
            return ([], 0);
        }

        var all = new List<SchemaError>();
        Collect(results, all);
        if (all.Count == 0)
        {
            all.Add(new SchemaError("", "", "", "Value does not match the schema"));
        }

        return ([.. all.Take(max)], all.Count);
    }

    private void Collect(EvaluationResults node, List<SchemaError> into)
    {
        if (node.Errors is { Count: > 0 } errors)
        {
            var instance = node.InstanceLocation.ToString();
            var evaluation = node.EvaluationPath.ToString();
            foreach (var (keyword, message) in errors)
            {
                var pointer = evaluation + "/" + keyword;
                into.Add(new SchemaError(instance, pointer, keyword, message + AllowedValues(keyword, pointer)));
            }
        }

        if (node.Details is { } details)
        {
            foreach (var child in details)
            {
                Collect(child, into);
            }
        }
    }

    // Returns the allowed values of a failed enum, which the library's message leaves out. They are
    // read from the schema at the evaluation path. A path through a $ref does not match the schema's
    // layout, so then nothing is added.
    private string AllowedValues(string keyword, string pointer)
    {
        if (keyword != "enum" || _root is not { } root || pointer.Contains("/$ref", StringComparison.Ordinal)
            || !JsonPointerValue.TryResolve(root, pointer, out var values) || values.ValueKind != JsonValueKind.Array)
        {
            return "";
        }

        var listed = values.EnumerateArray().Take(MaxAllowedShown).Select(v => v.GetRawText());
        var more = values.GetArrayLength() > MaxAllowedShown ? $" and {values.GetArrayLength() - MaxAllowedShown} more" : "";
        return $" Allowed: {string.Join(", ", listed)}{more}.";
    }
}
