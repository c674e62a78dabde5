using AnnotationGate.Cli.Output;
using AnnotationGate.Core.Engine;

namespace AnnotationGate.Cli.Tests.Output;

public sealed class ConsoleProgressTests
{
    [Fact]
    public void Report_not_interactive_draws_nothing()
    {
        var (console, output) = ConsoleReportTests.CreateConsole();
        var time = new ManualTime();
        using var progress = new ConsoleProgress(console, interactive: false, time);

        time.Advance(TimeSpan.FromSeconds(5));
        progress.Report(new GateProgress("outputs", 10, 50, 100));

        output.ToString().ShouldBeEmpty();
    }

    [Fact]
    public void Report_short_run_draws_nothing()
    {
        var (console, output) = ConsoleReportTests.CreateConsole();
        var time = new ManualTime();
        using var progress = new ConsoleProgress(console, interactive: true, time);

        time.Advance(TimeSpan.FromMilliseconds(900));
        progress.Report(new GateProgress("outputs", 10, 50, 100));

        output.ToString().ShouldBeEmpty();
    }

    [Fact]
    public void Report_long_run_draws_bar_and_clears_it()
    {
        var (console, output) = ConsoleReportTests.CreateConsole();
        var time = new ManualTime();
        var progress = new ConsoleProgress(console, interactive: true, time);

        time.Advance(TimeSpan.FromSeconds(2));
        progress.Report(new GateProgress("outputs", 12345, 50, 100));
        var drawn = output.ToString();
        progress.Dispose();

        drawn.ShouldBe("\routputs [############------------]  50.0%  12,345 records");
        output.ToString().ShouldEndWith("\r" + new string(' ', drawn.Length - 1) + "\r");
    }

    [Fact]
    public void Line_without_total_shows_records()
    {
        ConsoleProgress.Line(new GateProgress("golden", 1, 10, 0)).ShouldBe("golden  1 record");
    }

    private sealed class ManualTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
