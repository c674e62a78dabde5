using System.Text.Json;
using AnnotationGate.Core.Checks.Schema;

namespace AnnotationGate.Core.Tests.Checks.Schema;

/// <summary>
/// Compares the fast path with JsonSchema.Net on generated instances: whenever the fast path confirms
/// an instance, JsonSchema.Net must find it valid too.
/// </summary>
public sealed class FastValidatorTests
{
    private static readonly string[] Schemas =
    [
        """{"type":"object","required":["label","confidence"],"properties":{"label":{"enum":["positive","negative"]},"confidence":{"type":"number","minimum":0,"maximum":1}},"additionalProperties":false}""",
        """{"type":"array","items":{"type":"integer","exclusiveMinimum":0,"exclusiveMaximum":10},"minItems":1,"maxItems":3}""",
        """{"type":["string","null"],"minLength":2,"maxLength":3,"pattern":"^\\S+$"}""",
        """{"type":"object","properties":{"a":{"const":"x"},"b":false},"additionalProperties":{"type":"boolean"},"minProperties":1,"maxProperties":2}""",
        """{"properties":{"n":{"type":"integer"},"s":{"type":"string","maxLength":1}},"required":["n"]}""",
    ];

    private static readonly string[] Values =
    [
        "0", "1", "1.0", "-1", "0.5", "1.5", "10", "1e2", "12345678901234567890123", "0.30000000000000000000000000001",
        "\"\"", "\"a\"", "\"ab\"", "\"🐲🐲\"", "\"a b\"", "\"a\\u00a0b\"", "\"positive\"", "\"x\"",
        "true", "false", "null", "[]", "[1]", "[1,2,3,4]", "{}",
    ];

    [Fact]
    public void Fast_path_never_confirms_what_library_rejects()
    {
        var random = new Random(42);
        var confirmed = 0;
        var mismatches = new List<string>();

        foreach (var schemaText in Schemas)
        {
            var schema = SchemaCompiler.Compile(schemaText, "generated.schema.json").Schema.ShouldNotBeNull();
            schema.HasFastPath.ShouldBeTrue(schemaText);
            for (var i = 0; i < 3000; i++)
            {
                var instance = JsonElement.Parse(Generate(random, depth: 0));
                var fast = schema.FastConfirms(instance);
                confirmed += fast ? 1 : 0;
                if (fast && !schema.IsValidByLibrary(instance))
                {
                    mismatches.Add($"{schemaText} <- {instance.GetRawText()}");
                }
            }
        }

        mismatches.ShouldBeEmpty();
        confirmed.ShouldBeGreaterThan(500);
    }

    [Theory]
    [InlineData("""{"type":"object","$ref":"#/$defs/a","$defs":{"a":{}}}""")]
    [InlineData("""{"type":"string","format":"date"}""")]
    [InlineData("""{"prefixItems":[{"type":"string"}]}""")]
    public void Other_keywords_use_library_only(string schemaText)
    {
        var schema = SchemaCompiler.Compile(schemaText, "other.schema.json").Schema.ShouldNotBeNull();

        schema.HasFastPath.ShouldBeFalse();
    }

    private static string Generate(Random random, int depth)
    {
        var choice = depth < 2 ? random.Next(4) : 0;
        return choice switch
        {
            1 => "[" + string.Join(",", Enumerable.Range(0, random.Next(5)).Select(_ => Generate(random, depth + 1))) + "]",
            2 => "{" + string.Join(",", Enumerable.Range(0, random.Next(4))
                .Select(_ => $"\"{"abcnslx"[random.Next(7)]}\":{Generate(random, depth + 1)}")
                .Distinct()) + "}",
            3 => """{"label":"positive","confidence":""" + Values[random.Next(10)] + "}",
            _ => Values[random.Next(Values.Length)],
        };
    }
}
