using System.Text.Json;
using AnnotationGate.Core.Checks.Schema;

namespace AnnotationGate.Core.Tests.Checks.Schema;

/// <summary>Outcome of one test case of the official JSON-Schema-Test-Suite.</summary>
internal enum CaseOutcome
{
    Passed,

    /// <summary>The suite expects valid and the check returns invalid: stricter, never silent.</summary>
    WrongInvalid,

    /// <summary>The suite expects invalid and the check returns valid: the failure a gate must never have.</summary>
    WrongValid,

    /// <summary>The schema was rejected at load time, so no output would ever pass it.</summary>
    Rejected,
}

/// <summary>One case; <paramref name="FastConfirmed"/> tells whether the fast path alone confirmed it as valid.</summary>
internal sealed record CaseResult(string File, string Group, string Test, bool Expected, CaseOutcome Outcome, string? Reason, bool FastConfirmed = false);

/// <summary>
/// Runs files of the official JSON-Schema-Test-Suite through <see cref="SchemaCompiler"/> and
/// <see cref="CompiledSchema.Validate"/>, the path the json-schema check uses. The suite's remote
/// documents are served from memory under <c>http://localhost:1234/</c>; nothing goes over a network.
/// </summary>
internal static class TestSuiteRunner
{
    private static readonly Lazy<Dictionary<Uri, string>> Remotes = new(LoadRemotes);

    public static string SuiteRoot => SharedData.PathOf("json-schema-test-suite");

    public static IReadOnlyList<CaseResult> RunFolder(string draftFolder, SchemaDialect dialect, string subfolder = "", bool rejectUnreliableFormats = true)
    {
        var folder = Path.Combine(SuiteRoot, "tests", draftFolder, subfolder);
        var results = new List<CaseResult>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            results.AddRange(RunFile(file, dialect, rejectUnreliableFormats));
        }

        return results;
    }

    private static IEnumerable<CaseResult> RunFile(string file, SchemaDialect dialect, bool rejectUnreliableFormats)
    {
        var name = Path.GetFileName(file);
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var options = new SchemaCompileOptions
        {
            DefaultDialect = dialect,
            Documents = Remotes.Value,
            RejectUnreliableFormats = rejectUnreliableFormats,
        };
        foreach (var group in document.RootElement.EnumerateArray())
        {
            var description = group.GetProperty("description").GetString()!;
            var compiled = SchemaCompiler.Compile(group.GetProperty("schema").GetRawText(), $"{name}: {description}", options);
            foreach (var test in group.GetProperty("tests").EnumerateArray())
            {
                var expected = test.GetProperty("valid").GetBoolean();
                var testName = test.GetProperty("description").GetString()!;
                if (compiled.Schema is null)
                {
                    var reason = compiled.Problems[0].Keyword.Length > 0 ? compiled.Problems[0].Keyword : compiled.Problems[0].Message;
                    yield return new CaseResult(name, description, testName, expected, CaseOutcome.Rejected, reason);
                    continue;
                }

                var data = test.GetProperty("data");
                var actual = compiled.Schema.Validate(data, JsonSchemaCheck.MaxErrorsPerRecord).IsValid;
                var fast = compiled.Schema.HasFastPath && compiled.Schema.FastConfirms(data);
                yield return new CaseResult(name, description, testName, expected, OutcomeOf(expected, actual), null, fast);
            }
        }
    }

    private static CaseOutcome OutcomeOf(bool expected, bool actual)
    {
        if (actual == expected)
        {
            return CaseOutcome.Passed;
        }

        return actual ? CaseOutcome.WrongValid : CaseOutcome.WrongInvalid;
    }

    private static Dictionary<Uri, string> LoadRemotes()
    {
        var root = Path.Combine(SuiteRoot, "remotes");
        return Directory.GetFiles(root, "*.json", SearchOption.AllDirectories).ToDictionary(
            file => new Uri("http://localhost:1234/" + Path.GetRelativePath(root, file).Replace('\\', '/')),
            File.ReadAllText);
    }
}
