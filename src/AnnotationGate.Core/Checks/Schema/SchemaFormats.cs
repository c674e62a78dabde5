using System.Collections.Frozen;
using System.Text.Json;
using Json.Schema;

namespace AnnotationGate.Core.Checks.Schema;

/// <summary>
/// The <c>format</c> values the json-schema check enforces. Each was measured on the optional format
/// files of the official JSON-Schema-Test-Suite (draft-07 and 2020-12) with JsonSchema.Net 8.0.5 and
/// format validation required, through <see cref="Registry"/>: none of them let an invalid string
/// through. Any other format is rejected when the schema is loaded, because its validation would
/// accept some invalid strings or would not run at all.
/// </summary>
public static class SchemaFormats
{
    /// <summary>Formats enforced, each with zero invalid strings accepted on the test suite.</summary>
    public static readonly FrozenSet<string> Enforced = FrozenSet.ToFrozenSet(
        ["date", "date-time", "time", "email", "idn-email", "hostname", "ipv4", "uuid", "iri-reference",
            "json-pointer", "relative-json-pointer"],
        StringComparer.Ordinal);

    /// <summary>
    /// Formats whose values never contain a line break. JsonSchema.Net 8.0.5 checks some of them with
    /// .NET regular expressions whose <c>$</c> also matches before a final newline, so a trailing
    /// newline used to pass; the wrapper rejects line breaks first.
    /// </summary>
    private static readonly string[] SingleLine =
    [
        "date", "date-time", "time", "duration", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6",
        "uuid", "uri", "uri-reference", "iri", "iri-reference", "uri-template",
    ];

    /// <summary>
    /// Format registry for evaluation: the library's validators, wrapped so that a line break fails a
    /// single-line format and an exception inside a validator (seen with Arabic-Indic digits in
    /// <c>relative-json-pointer</c>) makes the value invalid instead of aborting the evaluation.
    /// </summary>
    public static FormatRegistry Registry { get; } = CreateRegistry();

    private static FormatRegistry CreateRegistry()
    {
        var registry = new FormatRegistry();
        var singleLine = SingleLine.ToHashSet(StringComparer.Ordinal);
        foreach (var format in AllKnown())
        {
            registry.Register(new GuardedFormat(format, singleLine.Contains(format.Key)));
        }

        return registry;
    }

    private static IEnumerable<Format> AllKnown() =>
    [
        Formats.Date, Formats.DateTime, Formats.Duration, Formats.Email, Formats.Hostname, Formats.IdnEmail,
        Formats.IdnHostname, Formats.Ipv4, Formats.Ipv6, Formats.Iri, Formats.IriReference, Formats.JsonPointer,
        Formats.Regex, Formats.RelativeJsonPointer, Formats.Time, Formats.Uri, Formats.UriReference,
        Formats.UriTemplate, Formats.Uuid,
    ];

    private sealed class GuardedFormat : Format
    {
        private readonly Format _inner;
        private readonly bool _singleLine;

        public GuardedFormat(Format inner, bool singleLine)
            : base(inner.Key)
        {
            _inner = inner;
            _singleLine = singleLine;
        }

        public override bool Validate(JsonElement element, out string? errorMessage)
        {
            if (_singleLine && element.ValueKind == JsonValueKind.String
                && element.GetString()!.AsSpan().IndexOfAny('\n', '\r') >= 0)
            {
                errorMessage = $"Value contains a line break, which a '{Key}' value never does";
                return false;
            }

            try
            {
                return _inner.Validate(element, out errorMessage);
            }
            catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
            {
                errorMessage = $"Value is not a valid '{Key}' ({ex.Message})";
                return false;
            }
        }
    }
}
