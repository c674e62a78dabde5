using System.Globalization;
using AnnotationGate.Core.Checks.Schema;
using Xunit.Abstractions;

namespace AnnotationGate.Core.Tests.Checks.Schema;

/// <summary>
/// Conformance on the required keyword files of the official JSON-Schema-Test-Suite. A case whose
/// schema the check rejects counts as rejected, never as valid. Figures are in docs/benchmarks/json-schema.md.
/// </summary>
public sealed class JsonSchemaTestSuiteTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("draft7", SchemaDialect.Draft07, 0.95)]
    [InlineData("draft2020-12", SchemaDialect.Draft202012, 0.92)]
    public void Required_files_have_no_wrong_valid(string folder, SchemaDialect dialect, double floor)
    {
        var results = TestSuiteRunner.RunFolder(folder, dialect);

        Report(folder, results);
        results.Where(r => r.Outcome == CaseOutcome.WrongValid).Select(Describe).ShouldBeEmpty();
        PassRate(results).ShouldBeGreaterThanOrEqualTo(floor);
    }

    [Theory]
    [InlineData("draft7", SchemaDialect.Draft07)]
    [InlineData("draft2020-12", SchemaDialect.Draft202012)]
    public void Fast_path_confirms_only_valid_cases(string folder, SchemaDialect dialect)
    {
        var results = TestSuiteRunner.RunFolder(folder, dialect);

        var confirmed = results.Where(r => r.FastConfirmed).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{folder}: the fast path confirmed {confirmed.Count} of {results.Count} cases"));
        confirmed.Where(r => !r.Expected).Select(Describe).ShouldBeEmpty();
        confirmed.Count.ShouldBeGreaterThan(100);
    }

    [Theory]
    [InlineData("draft7", SchemaDialect.Draft07)]
    [InlineData("draft2020-12", SchemaDialect.Draft202012)]
    public void Optional_format_files_have_no_wrong_valid(string folder, SchemaDialect dialect)
    {
        var results = TestSuiteRunner.RunFolder(folder, dialect, Path.Combine("optional", "format"));

        Report(folder + "/optional/format", results);
        results.Where(r => r.Outcome == CaseOutcome.WrongValid).Select(Describe).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("draft7", SchemaDialect.Draft07)]
    [InlineData("draft2020-12", SchemaDialect.Draft202012)]
    public void Other_optional_files_have_no_wrong_valid(string folder, SchemaDialect dialect)
    {
        var results = TestSuiteRunner.RunFolder(folder, dialect, "optional");

        Report(folder + "/optional", results);
        results.Where(r => r.Outcome == CaseOutcome.WrongValid).Select(Describe).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("draft7", SchemaDialect.Draft07)]
    [InlineData("draft2020-12", SchemaDialect.Draft202012)]
    public void Enforced_formats_measure_zero_wrong_valid(string folder, SchemaDialect dialect)
    {
        var results = TestSuiteRunner.RunFolder(folder, dialect, Path.Combine("optional", "format"), rejectUnreliableFormats: false);

        var byFormat = results.GroupBy(FormatOf).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var format in byFormat)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{folder} {format.Key}: {Count(format, CaseOutcome.Passed)}/{format.Count()} passed, wrong valid {Count(format, CaseOutcome.WrongValid)}, wrong invalid {Count(format, CaseOutcome.WrongInvalid)}, rejected {Count(format, CaseOutcome.Rejected)}"));
        }

        var enforcedWrongValid = results
            .Where(r => r.Outcome == CaseOutcome.WrongValid && SchemaFormats.Enforced.Contains(FormatOf(r)))
            .Select(Describe);
        enforcedWrongValid.ShouldBeEmpty();
    }

    private void Report(string name, IReadOnlyList<CaseResult> results)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {results.Count} cases, passed {Count(results, CaseOutcome.Passed)} ({PassRate(results):P1}), "
            + $"wrong invalid {Count(results, CaseOutcome.WrongInvalid)}, rejected {Count(results, CaseOutcome.Rejected)}, "
            + $"wrong valid {Count(results, CaseOutcome.WrongValid)}"));
        foreach (var reason in results.Where(r => r.Outcome == CaseOutcome.Rejected).GroupBy(r => r.Reason).OrderByDescending(g => g.Count()))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rejected for {reason.Key}: {reason.Count()} cases"));
        }

        foreach (var failure in results.Where(r => r.Outcome is CaseOutcome.WrongInvalid or CaseOutcome.WrongValid))
        {
            output.WriteLine("  " + Describe(failure));
        }
    }

    /// <summary>Returns the format a file of the format folder tests; ecmascript-regex.json tests format 'regex'.</summary>
    private static string FormatOf(CaseResult result) =>
        Path.GetFileNameWithoutExtension(result.File) is var name && name == "ecmascript-regex" ? "regex" : name;

    private static double PassRate(IReadOnlyList<CaseResult> results) =>
        (double)Count(results, CaseOutcome.Passed) / results.Count;

    private static int Count(IEnumerable<CaseResult> results, CaseOutcome outcome) => results.Count(r => r.Outcome == outcome);

    private static string Describe(CaseResult r) => $"{r.Outcome} {r.File} | {r.Group} | {r.Test}";
}
