using AnnotationGate.Core.Reporting;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Core.Tests.Reporting;

public sealed class NumberFormatTests
{
    [Theory]
    [InlineData(7.000000000000001, 3, "7.000")]
    [InlineData(0.84249, 3, "0.842")]
    [InlineData(0.8425, 2, "0.84")]
    [InlineData(-0.0001, 3, "0.000")]
    [InlineData(-1.5, 1, "-1.5")]
    [InlineData(1234.5, 1, "1234.5")]
    [InlineData(double.NaN, 3, "NaN")]
    [InlineData(double.PositiveInfinity, 3, "∞")]
    public void Fixed_prints_fixed_decimals(double value, int decimals, string expected)
    {
        NumberFormat.Fixed(value, decimals).ShouldBe(expected);
    }

    // The nearest doubles to 0.9275, 1.0005 and 0.1235 lie just below them, so ToString("F3")
    // rounds them down. Fixed rounds their shortest decimal text half away from zero instead.
    [Theory]
    [InlineData(0.9275, 3, "0.928")]
    [InlineData(-0.9275, 3, "-0.928")]
    [InlineData(0.0005, 3, "0.001")]
    [InlineData(-0.0005, 3, "-0.001")]
    [InlineData(0.00049999, 3, "0.000")]
    [InlineData(1.0005, 3, "1.001")]
    [InlineData(0.1235, 3, "0.124")]
    [InlineData(0.12345, 4, "0.1235")]
    [InlineData(2.5, 0, "3")]
    [InlineData(1e30, 1, "1000000000000000019884624838656.0")]
    public void Fixed_rounds_half_away_from_zero(double value, int decimals, string expected)
    {
        NumberFormat.Fixed(value, decimals).ShouldBe(expected);
    }

    [Fact]
    public void Fixed_rejects_out_of_range_decimals()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => NumberFormat.Fixed(0.5, -1));
        Should.Throw<ArgumentOutOfRangeException>(() => NumberFormat.Fixed(0.5, NumberFormat.MaxDecimals + 1));
    }

    [Theory]
    [InlineData(0.05, 1, 4, "0.05")]
    [InlineData(0.1, 1, 4, "0.1")]
    [InlineData(0.00005, 0, 4, "0.0001")]
    [InlineData(0.00004, 0, 4, "0")]
    [InlineData(95.0, 0, 2, "95")]
    [InlineData(12.5, 2, 4, "12.50")]
    [InlineData(0.0015, 2, 4, "0.0015")]
    [InlineData(0.9275, 0, 3, "0.928")]
    public void Trimmed_cuts_trailing_zeros(double value, int minDecimals, int maxDecimals, string expected)
    {
        NumberFormat.Trimmed(value, minDecimals, maxDecimals).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0.9275, "0.928")]
    [InlineData(0.0005, "0.001")]
    public void Every_formatter_rounds_alike(double value, string expected)
    {
        var metric = new Metric("m", value);

        NumberFormat.Value(metric).ShouldBe(expected);
        AnnotationGate.Core.Evaluation.ReportFormat.Score(value).ShouldBe(expected);
        AnnotationGate.Core.Regression.RegressionFormat.Value(value).ShouldBe(expected);
        AnnotationGate.Core.Regression.RegressionFormat.Change(value).ShouldBe("+" + expected);
    }

    [Fact]
    public void Fixed_ignores_current_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            NumberFormat.Fixed(0.5).ShouldBe("0.500");
            NumberFormat.Count(12345).ShouldBe("12,345");
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Interval_prints_value_and_bounds()
    {
        NumberFormat.Interval(0.8421, 0.80051, 0.8771).ShouldBe("0.842 [0.801, 0.877]");
    }

    [Fact]
    public void Interval_without_bounds_prints_value()
    {
        NumberFormat.Interval(0.8421, 0.8, null).ShouldBe("0.842");
    }

    [Fact]
    public void Percent_prints_one_decimal()
    {
        NumberFormat.Percent(0.84216).ShouldBe("84.2%");
    }

    [Fact]
    public void Value_of_undefined_metric_gives_reason()
    {
        var metric = new Metric("kappa", double.NaN) { Defined = false, Note = "All ratings agree." };

        NumberFormat.Value(metric).ShouldBe("undefined (all ratings agree)");
    }

    [Fact]
    public void Value_of_undefined_metric_without_note()
    {
        NumberFormat.Value(new Metric("kappa", 0) { Defined = false }).ShouldBe("undefined");
    }

    [Fact]
    public void Threshold_prints_direction()
    {
        var minimum = new Metric("accuracy", 0.9) { Threshold = 0.8 };
        var maximum = new Metric("refusals", 0.01) { Threshold = 0.05, ThresholdIsMaximum = true };

        NumberFormat.Threshold(minimum).ShouldBe("≥ 0.800");
        NumberFormat.Threshold(maximum).ShouldBe("≤ 0.050");
        NumberFormat.Threshold(new Metric("n", 1)).ShouldBe(string.Empty);
    }
}
