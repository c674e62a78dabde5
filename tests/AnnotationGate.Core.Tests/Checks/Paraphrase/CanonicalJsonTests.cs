using System.Text.Json;
using AnnotationGate.Core.Checks.Paraphrase;

namespace AnnotationGate.Core.Tests.Checks.Paraphrase;

public sealed class CanonicalJsonTests
{
    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("1e2", "100")]
    [InlineData("""{"x": 1, "y": 2}""", """{"y": 2.00, "x": 1}""")]
    [InlineData("""[1, "a", true]""", """[1.0, "a", true]""")]
    public void Same_meaning_same_form(string a, string b)
    {
        Canonical(a).ShouldBe(Canonical(b));
    }

    [Theory]
    [InlineData("1", "\"1\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("null", "\"null\"")]
    [InlineData("[1, 2]", "[2, 1]")]
    [InlineData("""{"n": 1}""", """{"n": "1"}""")]
    public void Different_types_differ(string a, string b)
    {
        Canonical(a).ShouldNotBe(Canonical(b));
    }

    private static string Canonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        return GroupCollector.Canonical(document.RootElement);
    }
}
