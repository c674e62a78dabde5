using AnnotationGate.Core.Reporting;

namespace AnnotationGate.Core.Tests.Reporting;

public sealed class ReportFormatsTests
{
    [Theory]
    [InlineData("markdown", ReportFormat.Markdown)]
    [InlineData("MD", ReportFormat.Markdown)]
    [InlineData("json", ReportFormat.Json)]
    [InlineData("JUnit", ReportFormat.JUnit)]
    [InlineData(" sarif ", ReportFormat.Sarif)]
    public void TryParse_accepts_known_names(string name, ReportFormat expected)
    {
        ReportFormats.TryParse(name, out var format).ShouldBeTrue();

        format.ShouldBe(expected);
    }

    [Fact]
    public void TryParse_rejects_unknown_name()
    {
        ReportFormats.TryParse("html", out _).ShouldBeFalse();
    }

    [Fact]
    public void WriteFile_writes_utf8_without_bom()
    {
        var folder = Path.Combine(Path.GetTempPath(), "annotationgate-tests", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "report.json");

        ReportFormats.WriteFile(SampleResults.Small(), ReportFormat.Json, path);

        var bytes = File.ReadAllBytes(path);
        bytes[0].ShouldBe((byte)'{');
        JsonReport.Read(File.ReadAllText(path)).GateName.ShouldBe("support-bot");
        Directory.Delete(folder, recursive: true);
    }
}
