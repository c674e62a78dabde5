using System.Text.Json;
using AnnotationGate.Core.Checks;
using AnnotationGate.Core.Configuration;

namespace AnnotationGate.Core.Tests.Checks.Schema;

/// <summary>
/// The JSON cases of the shared reference-free case file, read at test time and run through the
/// real json-schema check on a record whose <c>output</c> field holds the case's output.
/// </summary>
public sealed class ReferenceFreeCaseTests
{
    [Theory]
    [InlineData(0, "AG1003", "valid JSON inside a code fence, but strict mode requires bare JSON")]
    [InlineData(1, null, null)]
    [InlineData(2, "AG1006", "not as JSON")]
    [InlineData(3, "AG1005", "text before the code fence")]
    [InlineData(4, "AG1007", "matches forbidden schema")]
    [InlineData(5, null, null)]
    public void Case_gives_expected_verdict(int index, string? code, string? reason)
    {
        var cases = LoadCases();
        var testCase = cases[index];
        var check = testCase.GetProperty("check");
        using var harness = new SchemaCheckHarness();
        var config = new JsonSchemaCheckConfig
        {
            Field = "output",
            Json = Enum.Parse<JsonExtraction>(check.GetProperty("json").GetString()!, ignoreCase: true),
        };
        if (check.TryGetProperty("must_not_match_schema", out var forbidden))
        {
            config.ForbiddenSchema = harness.Write("forbidden.schema.json", forbidden.GetRawText());
        }
        else
        {
            config.Schema = harness.Write("reply.schema.json", SchemaOf(cases, check));
        }

        var created = harness.Create(config).ShouldNotBeNull();
        var record = JsonSerializer.Serialize(new { output = testCase.GetProperty("output").GetString() });
        var (outcomes, result) = harness.Run(created, record);

        var expectedVerdict = testCase.GetProperty("expected").GetProperty("verdict").GetString();
        outcomes[0].ShouldBe(expectedVerdict == "pass" ? CheckOutcome.Passed : CheckOutcome.Failed);
        result.RecordsFailed.ShouldBe(expectedVerdict == "pass" ? 0 : 1);
        if (code is null)
        {
            harness.Findings.ShouldBeEmpty();
            return;
        }

        var finding = harness.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(code);
        finding.Message.ShouldContain(reason!);
        finding.JsonPointer.ShouldBe("/output");
        finding.Line.ShouldBe(1);
    }

    private static List<JsonElement> LoadCases()
    {
        var text = File.ReadAllText(Path.Combine(SharedData.Root, "..", "cases", "reference-free.json"));
        return [.. JsonElement.Parse(text).GetProperty("cases").EnumerateArray()];
    }

    /// <summary>Returns the case's schema; "same as above" and cases without one use the first case's schema.</summary>
    private static string SchemaOf(List<JsonElement> cases, JsonElement check) =>
        check.TryGetProperty("schema", out var schema) && schema.ValueKind == JsonValueKind.Object
            ? schema.GetRawText()
            : cases[0].GetProperty("check").GetProperty("schema").GetRawText();
}
