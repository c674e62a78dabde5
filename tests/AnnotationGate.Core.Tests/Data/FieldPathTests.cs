using System.Text.Json;
using AnnotationGate.Core.Data;

namespace AnnotationGate.Core.Tests.Data;

public sealed class FieldPathTests
{
    private static readonly JsonElement Record = JsonDocument.Parse(
        """{"output":{"reply":"hi"},"choices":[{"text":"a"},{"text":"b"}],"meta":{"a.b":1},"output.flat":"csv"}""").RootElement;

    [Theory]
    [InlineData("output.reply", "hi")]
    [InlineData("choices[1].text", "b")]
    [InlineData("meta[\"a.b\"]", "1")]
    [InlineData("output.flat", "csv")]
    public void Resolves_nested_indexed_and_quoted_paths(string path, string expected)
    {
        var text = FieldPath.Parse(path).ResolveText(Record);

        text.ShouldBe(expected);
    }

    [Theory]
    [InlineData("output.missing")]
    [InlineData("choices[5].text")]
    [InlineData("output.reply.deeper")]
    public void Missing_segments_resolve_to_nothing(string path)
    {
        FieldPath.Parse(path).TryResolve(Record, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a..b", "empty property name")]
    [InlineData("a[", "without a closing")]
    [InlineData("a[x]", "array index")]
    [InlineData("a.", "ends with")]
    public void Invalid_paths_explain_the_problem(string path, string expected)
    {
        FieldPath.TryParse(path, out _, out var error).ShouldBeFalse();

        error.ShouldContain(expected);
    }

    [Fact]
    public void Json_pointer_escapes_slash_and_tilde()
    {
        FieldPath.Parse("a[\"x/y~z\"][2]").ToJsonPointer().ShouldBe("/a/x~1y~0z/2");
    }
}
