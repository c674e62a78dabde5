using System.Text.Json;
using AnnotationGate.Core.Checks;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Tests.Checks.Schema;

public sealed class JsonSchemaCheckTests
{
    private const string ReplySchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "required": ["label", "confidence"],
          "properties": {
            "label": { "enum": ["positive", "negative", "neutral"] },
            "confidence": { "type": "number", "minimum": 0, "maximum": 1 },
            "tags": { "type": "array", "items": { "type": "string", "maxLength": 3 } }
          },
          "x-owner": "search-team"
        }
        """;

    [Fact]
    public void Typo_keyword_rejects_schema_with_pointer()
    {
        using var harness = new SchemaCheckHarness();
        var schema = harness.Write("reply.schema.json", """{"properties":{"name":{"type":"string","requried":true}}}""");

        var check = harness.Create(new JsonSchemaCheckConfig { Schema = schema });

        check.ShouldBeNull();
        var error = harness.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("AG0011");
        error.Message.ShouldBe("Schema 'reply.schema.json' uses keyword 'requried' at /properties/name, which the validator "
            + "does not enforce in 2020-12. Fix the spelling or remove it; vendor extensions must start with 'x-'.");
        error.Pointer.ShouldBe("/checks/0/schema");
    }

    [Theory]
    [InlineData("""{"dependencies":{"a":["b"]}}""", "'dependencies' at the schema root", "dependentRequired")]
    [InlineData("""{"id":"http://example.com/s","type":"object"}""", "'id'", "older or different draft")]
    [InlineData("""{"$schema":"http://json-schema.org/draft-07/schema#","prefixItems":[true]}""", "'prefixItems'", "2020-12 keyword")]
    [InlineData("""{"type":"string","contentMediaType":"application/json"}""", "'contentMediaType'", "annotations")]
    [InlineData("""{"type":"string","format":"uri"}""", "format 'uri' at the schema root", "enforced formats: date")]
    [InlineData("""{"type":"string","format":"phone"}""", "format 'phone'", "pattern instead")]
    [InlineData("""{"$schema":"http://json-schema.org/draft-04/schema#"}""", "draft-04", "not supported")]
    [InlineData("""{"$schema":"http://json-schema.org/draft-07/schema#","properties":{"a":{"$ref":"#/definitions/b","maxLength":2}},"definitions":{"b":{}}}""", "'maxLength' beside $ref at /properties/a", "allOf")]
    [InlineData("""{"pattern":"^\\p{Letter}+$"}""", "pattern '^\\p{Letter}+$'", "\\p{L}")]
    [InlineData("""{"$ref":"other.schema.json"}""", "$ref to 'other.schema.json', which cannot be resolved", "$defs")]
    [InlineData("""{"type":"object",}""", "is not valid JSON", "Fix the file")]
    [InlineData("""{"minLength":"three"}""", "not a valid 2020-12 schema", "minLength")]
    public void Unenforceable_schema_is_rejected(string schemaText, string where, string hint)
    {
        using var harness = new SchemaCheckHarness();
        var schema = harness.Write("s.schema.json", schemaText);

        var check = harness.Create(new JsonSchemaCheckConfig { Schema = schema });

        check.ShouldBeNull();
        var error = harness.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("AG0011");
        error.Message.ShouldStartWith("Schema 's.schema.json'");
        error.Message.ShouldContain(where);
        error.Message.ShouldContain(hint);
    }

    [Theory]
    [InlineData("http://json-schema.org/draft-07/schema#")]
    [InlineData("http://json-schema.org/draft-07/schema")]
    public void Draft07_tuple_items_are_enforced(string dialect)
    {
        using var harness = new SchemaCheckHarness();
        var schema = harness.Write("t.schema.json",
            $$"""{"$schema":"{{dialect}}","items":[{"type":"string"},{"type":"number"}],"additionalItems":false}""");
        var check = harness.Create(new JsonSchemaCheckConfig { Schema = schema }).ShouldNotBeNull();

        var (outcomes, _) = harness.Run(check, """["a",1]""", """["a","b"]""", """["a",1,2]""");

        outcomes.ShouldBe([CheckOutcome.Passed, CheckOutcome.Failed, CheckOutcome.Failed]);
    }

    [Fact]
    public void Missing_schema_file_is_a_configuration_error()
    {
        using var harness = new SchemaCheckHarness();

        var check = harness.Create(new JsonSchemaCheckConfig { Schema = "missing.schema.json" });

        check.ShouldBeNull();
        harness.Errors.ShouldHaveSingleItem().Message.ShouldContain("'missing.schema.json' was not found");
    }

    [Fact]
    public void Check_without_schemas_is_a_configuration_error()
    {
        using var harness = new SchemaCheckHarness();

        var check = harness.Create(new JsonSchemaCheckConfig { Field = "output" });

        check.ShouldBeNull();
        harness.Errors.ShouldHaveSingleItem().Message.ShouldContain("needs schema, forbidden-schema or both");
    }

    [Fact]
    public void Embedded_output_with_citation_is_validated()
    {
        using var harness = new SchemaCheckHarness();
        var config = new JsonSchemaCheckConfig
        {
            Field = "output", Json = JsonExtraction.Embedded, Schema = harness.Write("reply.schema.json", ReplySchema),
        };
        var check = harness.Create(config)!;
        var cited = JsonSerializer.Serialize(new
        {
            output = "Refund policy [1] applies, so: {\"label\":\"neutral\",\"confidence\":1.5} See [2, 3].",
        });

        var (outcomes, _) = harness.Run(check, cited);

        outcomes.ShouldBe([CheckOutcome.Failed]);
        var finding = harness.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe("AG1001");
        finding.Message.ShouldContain("/confidence (1.5)");
    }

    [Fact]
    public void Violations_point_into_the_object_field()
    {
        using var harness = new SchemaCheckHarness();
        var check = harness.Create(new JsonSchemaCheckConfig { Field = "output", Schema = harness.Write("reply.schema.json", ReplySchema) })!;

        var (outcomes, result) = harness.Run(check, """{"output":{"label":"positive","confidence":1.5}}""");

        outcomes.ShouldBe([CheckOutcome.Failed]);
        result.RecordsFailed.ShouldBe(1);
        var finding = harness.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe("AG1001");
        finding.JsonPointer.ShouldBe("/output/confidence");
        finding.Message.ShouldStartWith("Value at /confidence (1.5) in field 'output' fails schema 'reply.schema.json' 'maximum' at /properties/confidence/maximum:");
    }

    [Fact]
    public void Violations_in_text_point_into_extracted_json()
    {
        using var harness = new SchemaCheckHarness();
        var check = harness.Create(new JsonSchemaCheckConfig { Field = "output", Schema = harness.Write("reply.schema.json", ReplySchema) })!;

        harness.Run(check, """{"output":"{\"label\":\"great\",\"confidence\":0.5}"}""");

        var finding = harness.Findings.ShouldHaveSingleItem();
        finding.JsonPointer.ShouldBe("/label");
        finding.Message.ShouldContain("Value at /label (\"great\")");
        finding.Message.ShouldContain("'enum'");
    }

    [Fact]
    public void Errors_per_record_are_capped_at_five()
    {
        using var harness = new SchemaCheckHarness();
        var check = harness.Create(new JsonSchemaCheckConfig { Field = "output", Schema = harness.Write("reply.schema.json", ReplySchema) })!;

        harness.Run(check, """{"output":{"label":"x","confidence":"high","tags":["long1","long2","long3","long4","long5"]}}""");

        harness.Findings.Count.ShouldBe(5);
        harness.Findings.ShouldAllBe(f => f.Code == "AG1001");
        harness.Findings.Count(f => f.Message.Contains("more errors", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public void Enforced_format_fails_invalid_date()
    {
        using var harness = new SchemaCheckHarness();
        var schema = harness.Write("d.schema.json", """{"properties":{"due":{"type":"string","format":"date"}}}""");
        var check = harness.Create(new JsonSchemaCheckConfig { Schema = schema })!;

        var (outcomes, _) = harness.Run(check, """{"due":"2026-02-30"}""", """{"due":"2026-02-28"}""", """{"due":"2026-02-28\n"}""");

        outcomes.ShouldBe([CheckOutcome.Failed, CheckOutcome.Passed, CheckOutcome.Failed]);
    }

    [Theory]
    [InlineData("^\\S+$", "a\u00a0b", false)]
    [InlineData("^\\S+$", "ab", true)]
    [InlineData("^[\\sx]+$", "x\u3000x", true)]
    [InlineData("^🐲*$", "🐲🐲", true)]
    [InlineData("^\\d+$", "١٢", false)]
    public void Patterns_follow_ecmascript_semantics(string pattern, string value, bool valid)
    {
        using var harness = new SchemaCheckHarness();
        var schema = harness.Write("p.schema.json", """{"properties":{"v":{"type":"string","pattern":""" + JsonSerializer.Serialize(pattern) + "}}}");
        var check = harness.Create(new JsonSchemaCheckConfig { Schema = schema }).ShouldNotBeNull();

        var (outcomes, _) = harness.Run(check, JsonSerializer.Serialize(new { v = value }));

        outcomes.ShouldBe([valid ? CheckOutcome.Passed : CheckOutcome.Failed]);
    }

    [Fact]
    public void Negated_whitespace_inside_class_is_rejected()
    {
        using var harness = new SchemaCheckHarness();
        var schema = harness.Write("p.schema.json", """{"pattern":"^[\\S]+$"}""");

        var check = harness.Create(new JsonSchemaCheckConfig { Schema = schema });

        check.ShouldBeNull();
        harness.Errors.ShouldHaveSingleItem().Message.ShouldContain("\\S inside a character class");
    }

    [Fact]
    public void Missing_field_fails_and_never_found_reports()
    {
        using var harness = new SchemaCheckHarness();
        var check = harness.Create(new JsonSchemaCheckConfig { Field = "ouptut", Schema = harness.Write("reply.schema.json", ReplySchema) })!;

        var (outcomes, result) = harness.Run(check, """{"output":"{}"}""", """{"output":"{}"}""");

        outcomes.ShouldBe([CheckOutcome.Failed, CheckOutcome.Failed]);
        result.Status.ShouldBe(CheckStatus.Failed);
        harness.Findings.Count(f => f.Code == "AG1041").ShouldBe(2);
        var neverFound = harness.Findings.Single(f => f.Code == "AG0007");
        neverFound.Message.ShouldContain("Field 'ouptut' was not found in any of the 2 records");
    }

    [Fact]
    public void Number_field_is_not_json_text()
    {
        using var harness = new SchemaCheckHarness();
        var check = harness.Create(new JsonSchemaCheckConfig { Field = "output", Schema = harness.Write("reply.schema.json", ReplySchema) })!;

        var (outcomes, _) = harness.Run(check, """{"output":3}""");

        outcomes.ShouldBe([CheckOutcome.Failed]);
        harness.Findings.ShouldHaveSingleItem().Message.ShouldContain("holds the number 3");
    }

    [Fact]
    public void Whole_record_is_validated_without_field()
    {
        using var harness = new SchemaCheckHarness();
        var check = harness.Create(new JsonSchemaCheckConfig { Schema = harness.Write("reply.schema.json", ReplySchema) })!;

        var (outcomes, result) = harness.Run(check,
            """{"label":"neutral","confidence":0.2}""",
            """{"label":"neutral"}""",
            """{"label":"negative","confidence":0.9,"tags":["ok"]}""");

        outcomes.ShouldBe([CheckOutcome.Passed, CheckOutcome.Failed, CheckOutcome.Passed]);
        harness.Findings.ShouldHaveSingleItem().JsonPointer.ShouldBe("");
        var metric = result.Metrics.ShouldHaveSingleItem();
        metric.Name.ShouldBe("schema-pass-rate");
        metric.Value.ShouldBe(2.0 / 3, 1e-12);
        metric.Count.ShouldBe(3);
        result.Summary.ShouldBe("2 of 3 outputs passed the schema check.");
    }

    [Fact]
    public void Parallel_evaluation_counts_every_record()
    {
        using var harness = new SchemaCheckHarness();
        var check = harness.Create(new JsonSchemaCheckConfig { Field = "output", Schema = harness.Write("reply.schema.json", ReplySchema) })!;
        var context = harness.Context(check);
        var good = JsonElement.Parse("""{"output":"{\"label\":\"positive\",\"confidence\":0.9}"}""");
        var bad = JsonElement.Parse("""{"output":"{\"label\":\"positive\"}"}""");

        Parallel.For(0, 4000, i => check.Evaluate(new DataRecord("outputs.jsonl", i + 1, i, i % 4 == 0 ? bad : good), context));
        var result = check.Complete(context);

        result.RecordsChecked.ShouldBe(4000);
        result.RecordsFailed.ShouldBe(1000);
        result.Metrics[0].Value.ShouldBe(0.75);
    }
}
