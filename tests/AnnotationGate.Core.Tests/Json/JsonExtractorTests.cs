using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Json;

namespace AnnotationGate.Core.Tests.Json;

public sealed class JsonExtractorTests
{
    private const string Fenced = "```json\n{\"label\":\"positive\"}\n```";

    [Theory]
    [InlineData("{\"a\":1}")]
    [InlineData("  \n[1,2]\n ")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    public void Strict_bare_json_is_extracted(string text)
    {
        var result = JsonExtractor.Extract(text, JsonExtraction.Strict);

        result.Succeeded.ShouldBeTrue(result.Message);
        result.Code.ShouldBeNull();
    }

    [Fact]
    public void Strict_fenced_json_fails_as_fenced()
    {
        var result = JsonExtractor.Extract(Fenced, JsonExtraction.Strict);

        result.Error.ShouldBe(JsonExtractionError.FencedInStrictMode);
        result.Code.ShouldBe("AG1003");
        result.Message.ShouldNotBeNull().ShouldContain("valid JSON inside a code fence");
        result.Message.ShouldNotBeNull().ShouldContain("strict mode requires bare JSON");
    }

    [Theory]
    [InlineData("{\"a\":1} {\"b\":2}", JsonExtractionError.SeveralJsonValues, "2 JSON values")]
    [InlineData("{\"a\":1}\n[3]", JsonExtractionError.SeveralJsonValues, "'[3]'")]
    [InlineData("Sure! {\"a\":1}", JsonExtractionError.TextAroundJson, "before the JSON value: 'Sure!'")]
    [InlineData("{\"a\":1} Hope this helps.", JsonExtractionError.TextAroundJson, "after the JSON value: 'Hope this helps.'")]
    [InlineData("Sorry, I cannot answer that.", JsonExtractionError.NotJson, "'Sorry, I cannot answer that.'")]
    [InlineData("{\"a\":1,}", JsonExtractionError.NotJson, "invalid at line 1")]
    [InlineData("", JsonExtractionError.NotJson, "not JSON")]
    public void Strict_failures_name_their_reason(string text, JsonExtractionError error, string excerpt)
    {
        var result = JsonExtractor.Extract(text, JsonExtraction.Strict);

        result.Error.ShouldBe(error);
        result.Message.ShouldNotBeNull().ShouldContain(excerpt);
    }

    [Theory]
    [InlineData(Fenced)]
    [InlineData("```\n{\"label\":\"positive\"}\n```")]
    [InlineData("```JSON\n{\"label\":\"positive\"}\n```\n")]
    [InlineData("  ````json\n{\"label\":\"```\"}\n````  ")]
    public void Fenced_json_block_is_extracted(string text)
    {
        var result = JsonExtractor.Extract(text, JsonExtraction.Fenced);

        result.Succeeded.ShouldBeTrue(result.Message);
        result.Value.GetProperty("label").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
    }

    [Theory]
    [InlineData("```python\n{\"a\":1}\n```", JsonExtractionError.NotAJsonFence, "fenced as 'python'")]
    [InlineData("Here you go:\n" + Fenced, JsonExtractionError.TextAroundJson, "before the code fence: 'Here you go:'")]
    [InlineData(Fenced + "\nAnything else?", JsonExtractionError.TextAroundJson, "after the code fence: 'Anything else?'")]
    [InlineData(Fenced + "\n" + Fenced, JsonExtractionError.SeveralJsonValues, "several code fences")]
    [InlineData("```json\n{\"a\":1}\n{\"b\":2}\n```", JsonExtractionError.SeveralJsonValues, "2 JSON values")]
    [InlineData("```json\nnot json\n```", JsonExtractionError.NotJson, "'not json'")]
    [InlineData("```json\n{\"a\":1}", JsonExtractionError.NotJson, "never closed")]
    [InlineData("{\"a\":1}", JsonExtractionError.NotJson, "bare JSON without a fence")]
    public void Fenced_failures_name_their_reason(string text, JsonExtractionError error, string excerpt)
    {
        var result = JsonExtractor.Extract(text, JsonExtraction.Fenced);

        result.Error.ShouldBe(error);
        result.Message.ShouldNotBeNull().ShouldContain(excerpt);
    }

    [Theory]
    [InlineData("Here is the result: {\"a\":\"}{ [not a bracket\"} Done.", "}{ [not a bracket")]
    [InlineData("Escaped quote: {\"a\":\"say \\\"}\\\" now\"} end", "say \"}\" now")]
    [InlineData("See {note} and then {\"a\":\"x\"}.", "x")]
    [InlineData("Answer:\n```json\n{\"a\":\"fenced\"}\n```", "fenced")]
    [InlineData("{\"a\":\"bare\"}", "bare")]
    public void Embedded_value_is_found_despite_strings(string text, string expected)
    {
        var result = JsonExtractor.Extract(text, JsonExtraction.Embedded);

        result.Succeeded.ShouldBeTrue(result.Message);
        result.Value.GetProperty("a").GetString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("As shown in [1], the label is {\"a\":\"cited\"}.", "cited")]
    [InlineData("{\"a\":\"cited\"}\nSources: [1] [2, 3] and [4][5].", "cited")]
    [InlineData("[2] Smith, 2021.\n{\"a\":\"cited\"}", "cited")]
    [InlineData("See [1.5, -2, 3e2] and ```json\n{\"a\":\"cited\"}\n```", "cited")]
    public void Embedded_prose_citations_are_ignored(string text, string expected)
    {
        var result = JsonExtractor.Extract(text, JsonExtraction.Embedded);

        result.Succeeded.ShouldBeTrue(result.Message);
        result.Value.GetProperty("a").GetString().ShouldBe(expected);
    }

    [Fact]
    public void Embedded_citation_alone_is_the_value()
    {
        var result = JsonExtractor.Extract("The answer is [1, 2] as listed.", JsonExtraction.Embedded);

        result.Succeeded.ShouldBeTrue(result.Message);
        result.Value.GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public void Embedded_citation_beside_array_value_is_ignored()
    {
        var result = JsonExtractor.Extract("Per [3]: [{\"a\":\"x\"}]", JsonExtraction.Embedded);

        result.Succeeded.ShouldBeTrue(result.Message);
        result.Value[0].GetProperty("a").GetString().ShouldBe("x");
    }

    [Theory]
    [InlineData("First {\"a\":1} then {\"b\":2}.", JsonExtractionError.SeveralJsonValues, "2 JSON values")]
    [InlineData("{\"a\":1}\n[3]", JsonExtractionError.SeveralJsonValues, "'[3]'")]
    [InlineData("{\"a\":1} [3]", JsonExtractionError.SeveralJsonValues, "'[3]'")]
    [InlineData("Labels: {\"a\":1} and [\"x\", \"y\"].", JsonExtractionError.SeveralJsonValues, "'[\"x\", \"y\"]'")]
    [InlineData("See [1, 2, 3, 4, 5, 6, 7, 8, 9] and {\"a\":1}.", JsonExtractionError.SeveralJsonValues, "2 JSON")]
    [InlineData("See [[1]] and {\"a\":1}.", JsonExtractionError.SeveralJsonValues, "2 JSON values")]
    [InlineData("See [1] and [2].", JsonExtractionError.SeveralJsonValues, "'[1]' and '[2]'")]
    [InlineData("No structured answer here.", JsonExtractionError.NotJson, "No JSON object or array")]
    [InlineData("Broken {\"a\": } here", JsonExtractionError.NotJson, "Broken")]
    public void Embedded_failures_name_their_reason(string text, JsonExtractionError error, string excerpt)
    {
        var result = JsonExtractor.Extract(text, JsonExtraction.Embedded);

        result.Error.ShouldBe(error);
        result.Message.ShouldNotBeNull().ShouldContain(excerpt);
    }

    [Fact]
    public void Long_excerpts_are_shortened_to_one_line()
    {
        var text = "This reply is long\nand spans lines before any JSON appears at all.";

        var result = JsonExtractor.Extract(text, JsonExtraction.Strict);

        var message = result.Message.ShouldNotBeNull();
        message.ShouldContain("'This reply is long\\nand spans");
        message.ShouldContain("…'");
        message.ShouldNotContain("JSON appears");
        message.ShouldNotContain("\n");
    }
}
