namespace AnnotationGate.MSBuild.Tests;

/// <summary>
/// Real <c>dotnet build</c> runs of sample projects that import the AnnotationGate targets and run
/// the CLI built from this repository. Each build takes 5 to 20 seconds on two cores, so the cases
/// are few and each checks several things.
/// </summary>
public sealed class GateBuildTests
{
    private static readonly string[] _failingData =
    [
        SampleProject.Record("a", "refund"),
        SampleProject.Record("b", "other", "call 123-45-6789"),
        SampleProject.Record("c", "bogus"),
    ];

    private static readonly string[] _passingData =
    [
        SampleProject.Record("a", "refund"),
        SampleProject.Record("b", "other"),
        SampleProject.Record("c", "other"),
    ];

    [Fact]
    public void Failing_gate_fails_build_at_record_lines()
    {
        using var sample = SampleProject.Create(sdkProject: true, _failingData);

        var result = sample.Build();

        result.ExitCode.ShouldNotBe(0, result.Output);
        var errors = result.LinesWith(": error ");
        errors.Count.ShouldBe(1, result.Output);
        errors[0].ShouldStartWith($"{sample.DataFile}(3): error AG1001: Value at /intent (\"bogus\")");
        var warnings = result.LinesWith(": warning ");
        warnings.Count.ShouldBe(1, result.Output);
        warnings[0].ShouldStartWith($"{sample.DataFile}(2");
        warnings[0].ShouldContain(": warning AG1031: ");
        result.Output.ShouldContain("AnnotationGate: FAIL, gate 'replies'");
        result.Output.ShouldContain("1 Error(s)");
        result.Output.ShouldNotContain("MSB6006");
        result.Output.ShouldNotContain("MSB3073");
        Directory.GetFiles(sample.StampFolder, "*.stamp").ShouldBeEmpty();
    }

    [Fact]
    public void Passing_gate_runs_again_only_on_change()
    {
        using var sample = SampleProject.Create(sdkProject: true, _passingData);

        var first = sample.Build();
        var second = sample.Build();
        sample.WriteData([.. _passingData[..2], SampleProject.Record("c", "bogus")]);
        var third = sample.Build();

        first.ExitCode.ShouldBe(0, first.Output);
        first.Output.ShouldContain("AnnotationGate: PASS, gate 'replies'");
        second.ExitCode.ShouldBe(0, second.Output);
        second.Output.ShouldNotContain("AnnotationGate: PASS");
        third.ExitCode.ShouldNotBe(0, third.Output);
        third.LinesWith($"{sample.DataFile}(3): error AG1001: ").Count.ShouldBe(1, third.Output);
    }

    [Fact]
    public void Warnings_as_errors_reruns_passed_gate()
    {
        using var sample = SampleProject.Create(sdkProject: false, _passingData[0], _failingData[1]);

        var warnings = sample.Build();
        var errors = sample.Build("AnnotationGateWarningsAsErrors=true");

        warnings.ExitCode.ShouldBe(0, warnings.Output);
        warnings.LinesWith($"{sample.DataFile}(2): warning AG1031: ").Count.ShouldBe(1, warnings.Output);
        errors.ExitCode.ShouldNotBe(0, errors.Output);
        errors.LinesWith($"{sample.DataFile}(2): error AG1031: ").Count.ShouldBe(1, errors.Output);
        errors.LinesWith(": error ").Count.ShouldBe(1, errors.Output);
    }

    [Fact]
    public void Gate_turned_off_is_skipped()
    {
        using var sample = SampleProject.Create(sdkProject: false, _failingData);

        var disabled = sample.Build("AnnotationGateEnabled=false");
        var designTime = sample.Build("DesignTimeBuild=true");

        disabled.ExitCode.ShouldBe(0, disabled.Output);
        disabled.Output.ShouldNotContain("AnnotationGate:");
        designTime.ExitCode.ShouldBe(0, designTime.Output);
        designTime.Output.ShouldNotContain("AnnotationGate:");
    }

    [Fact]
    public void Broken_gate_does_not_hide_others()
    {
        using var sample = SampleProject.Create(sdkProject: false, _failingData);
        sample.Write("eval-configs/a-broken.gate.yml", SampleProject.Gate.Replace("path: data.jsonl", "path: missing.jsonl"));

        var result = sample.Build();

        result.ExitCode.ShouldNotBe(0, result.Output);
        result.LinesWith("a-broken.gate.yml(").ShouldNotBeEmpty(result.Output);
        result.LinesWith($"{sample.DataFile}(3): error AG1001: ").Count.ShouldBe(1, result.Output);
    }

    [Fact]
    public void Broken_gate_file_logs_one_error()
    {
        using var sample = SampleProject.Create(sdkProject: false, _passingData);
        sample.Write("eval-configs/replies.gate.yml", SampleProject.Gate.Replace("path: data.jsonl", "path: missing.jsonl"));

        var result = sample.Build();

        result.ExitCode.ShouldNotBe(0, result.Output);
        var errors = result.LinesWith(": error ");
        errors.Count.ShouldBe(1, result.Output);
        errors[0].ShouldStartWith($"{sample.GateFile}(4,");
        errors[0].ShouldContain("error AG0002: Dataset 'outputs' file 'missing.jsonl' was not found");
        result.Output.ShouldContain("AnnotationGate: ERROR, gate 'replies'");
    }

    [Fact]
    public void Missing_cli_logs_one_error()
    {
        using var sample = SampleProject.Create(sdkProject: false, _passingData);
        var cli = Path.Combine(sample.Directory, "no-such-folder", "annotationgate.dll");

        var result = sample.Build($"AnnotationGateCliPath={cli}");

        result.ExitCode.ShouldNotBe(0, result.Output);
        var errors = result.LinesWith(": error ");
        errors.Count.ShouldBe(1, result.Output);
        errors[0].ShouldStartWith($"{sample.GateFile} : error AG9001: The AnnotationGate CLI '{cli}' was not found.");
    }
}
