using AnnotationGate.Core.Labels.Provenance;

namespace AnnotationGate.Core.Tests.Labels.Policy;

public sealed class ModelFamiliesTests
{
    [Theory]
    [InlineData("gpt-4o-mini-2024-07-18", "gpt")]
    [InlineData("o3-mini", "gpt")]
    [InlineData("claude-3-5-sonnet-20241022", "claude")]
    [InlineData("anthropic/claude-opus-4", "claude")]
    [InlineData("gemini-1.5-pro", "gemini")]
    [InlineData("meta-llama/Llama-3.1-70B-Instruct", "llama")]
    [InlineData("Mixtral-8x7B-Instruct-v0.1", "mistral")]
    [InlineData("Qwen2.5-72B-Instruct", "qwen")]
    [InlineData("deepseek-chat", "deepseek")]
    [InlineData("house-labeller-v1", null)]
    public void Built_in_table_finds_family(string model, string? family)
    {
        ModelFamilies.Default.FamilyOf(model).ShouldBe(family);
    }

    [Fact]
    public void Gate_file_additions_extend_the_table()
    {
        var families = ModelFamilies.Create(new Dictionary<string, List<string>> { ["In-House"] = ["house-"] });

        families.FamilyOf("house-labeller-v1").ShouldBe("in-house");
        families.FamilyOf("gpt-4o").ShouldBe("gpt");
    }

    [Fact]
    public void Declared_family_wins_over_the_table()
    {
        ModelFamilies.Default.Resolve("Claude", "my-finetune").ShouldBe("claude");
    }
}
