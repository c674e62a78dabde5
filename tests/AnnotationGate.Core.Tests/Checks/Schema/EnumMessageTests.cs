using System.Text.Json;
using AnnotationGate.Core.Checks.Schema;

namespace AnnotationGate.Core.Tests.Checks.Schema;

public sealed class EnumMessageTests
{
    [Fact]
    public void Enum_error_lists_allowed_values()
    {
        var schema = SchemaCompiler.Compile(
            """{"$schema": "https://json-schema.org/draft/2020-12/schema", "properties": {"intent": {"enum": ["billing", "shipping", 3]}}}""",
            "reply.schema.json").Schema.ShouldNotBeNull();
        using var instance = JsonDocument.Parse("""{"intent": "refund"}""");

        var error = schema.Explain(instance.RootElement, 5).Errors.ShouldHaveSingleItem();

        error.Keyword.ShouldBe("enum");
        error.Message.ShouldEndWith(""" Allowed: "billing", "shipping", 3.""");
    }

    [Fact]
    public void Enum_behind_ref_adds_nothing()
    {
        var schema = SchemaCompiler.Compile(
            """{"$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": {"i": {"enum": ["a"]}}, "properties": {"intent": {"$ref": "#/$defs/i"}}}""",
            "reply.schema.json").Schema.ShouldNotBeNull();
        using var instance = JsonDocument.Parse("""{"intent": "b"}""");

        var error = schema.Explain(instance.RootElement, 5).Errors.ShouldHaveSingleItem();

        error.Message.ShouldNotContain("Allowed:");
    }
}
