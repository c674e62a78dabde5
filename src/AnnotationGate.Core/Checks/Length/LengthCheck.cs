using System.Globalization;
using AnnotationGate.Core.Checks.Fields;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;
using AnnotationGate.Core.Text;
using Microsoft.ML.Tokenizers;

namespace AnnotationGate.Core.Checks.Length;

/// <summary>
/// Bounds the length of a text field in an explicit unit (graphemes, code points, UTF-16 code units, UTF-8
/// bytes, words or tokens of a named tokenizer). Every message states the unit. A record whose field is
/// missing or not text fails with <see cref="RuleCatalog.ValueNotText"/>; it is never skipped. Reports the
/// minimum, mean, 95th percentile and maximum length. <see cref="Evaluate"/> is thread-safe.
/// </summary>
public sealed class LengthCheck : IRecordCheck
{
    private readonly FieldUsage _field;
    private readonly LengthUnit _unit;
    private readonly long? _min;
    private readonly long? _max;
    private readonly string? _tokenizerName;
    private readonly Tokenizer? _tokenizer;
    private readonly LengthStatistics _statistics = new();
    private long _records;
    private long _failed;

    private LengthCheck(string id, LengthCheckConfig config, FieldPath field, Tokenizer? tokenizer)
    {
        Id = id;
        Dataset = config.Dataset;
        _field = new FieldUsage(field);
        _unit = config.Unit;
        _min = config.Min;
        _max = config.Max;
        _tokenizerName = tokenizer is null ? null : config.Tokenizer;
        _tokenizer = tokenizer;
    }

    public string Id { get; }

    public string Dataset { get; }

    /// <summary>
    /// Validates the configuration and creates the check. Returns null when the configuration is invalid,
    /// after reporting each error to <paramref name="setup"/>.
    /// </summary>
    public static LengthCheck? Create(LengthCheckConfig config, CheckSetup setup)
    {
        var field = setup.FieldPath("field", config.Field);
        var boundsValid = ValidateBounds(config, setup);
        var tokenizerValid = TryResolveTokenizer(config, setup, out var tokenizer);
        if (field is null || !boundsValid || !tokenizerValid)
        {
            return null;
        }

        return new LengthCheck(setup.CheckId, config, field, tokenizer);
    }

    /// <inheritdoc />
    public CheckOutcome Evaluate(DataRecord record, CheckContext context)
    {
        Interlocked.Increment(ref _records);
        if (!FieldText.TryRead(_field, record, context, Dataset, "measure its length", out var text))
        {
            Interlocked.Increment(ref _failed);
            return CheckOutcome.Failed;
        }

        var length = TextLength.Measure(text, _unit, _tokenizer);
        _statistics.Add(length);
        var problem = DescribeViolation(length);
        if (problem is null)
        {
            return CheckOutcome.Passed;
        }

        context.Report(RuleCatalog.LengthOutOfBounds, problem, record, Dataset, _field.Path.ToJsonPointer());
        Interlocked.Increment(ref _failed);
        return CheckOutcome.Failed;
    }

    /// <inheritdoc />
    public CheckResult Complete(CheckContext context)
    {
        var records = Interlocked.Read(ref _records);
        var failed = Interlocked.Read(ref _failed);
        _field.ReportIfNeverFound(context, Dataset, records);
        return new CheckResult(Id, CheckTypes.Length)
        {
            Dataset = Dataset,
            Status = failed > 0 ? CheckStatus.Failed : CheckStatus.Passed,
            RecordsChecked = records,
            RecordsFailed = failed,
            Summary = Summarize(records, failed),
            Metrics = BuildMetrics(),
        };
    }

    private static bool ValidateBounds(LengthCheckConfig config, CheckSetup setup)
    {
        if (config.Min is null && config.Max is null)
        {
            setup.Fail("max", "A length check needs min, max or both; without a bound it checks nothing.");
            return false;
        }

        if (config.Min < 0 || config.Max < 0)
        {
            var key = config.Min < 0 ? "min" : "max";
            setup.Fail(key, $"The {key} length is negative; write 0 or more.");
            return false;
        }

        if (config.Min > config.Max)
        {
            setup.Fail("min", $"min ({config.Min}) is greater than max ({config.Max}); swap them or fix one.");
            return false;
        }

        return true;
    }

    private static bool TryResolveTokenizer(LengthCheckConfig config, CheckSetup setup, out Tokenizer? tokenizer)
    {
        tokenizer = null;
        var known = string.Join(", ", TokenizerCatalog.Names);
        if (config.Unit != LengthUnit.Tokens)
        {
            if (config.Tokenizer is null)
            {
                return true;
            }

            setup.Fail("tokenizer", $"tokenizer applies only to unit tokens, and this check's unit is " +
                $"{LengthUnits.Key(config.Unit)}. Remove tokenizer, or set unit: tokens.");
            return false;
        }

        if (config.Tokenizer is null)
        {
            setup.Fail("tokenizer", $"Unit tokens needs a tokenizer; add tokenizer: with one of {known}.");
            return false;
        }

        return TryLoadTokenizer(config.Tokenizer, setup, known, out tokenizer);
    }

    private static bool TryLoadTokenizer(string name, CheckSetup setup, string known, out Tokenizer? tokenizer)
    {
        tokenizer = null;
        try
        {
            if (TokenizerCatalog.TryGet(name, out var found))
            {
                tokenizer = found;
                return true;
            }

            setup.Fail("tokenizer", $"Tokenizer '{name}' is not known; use one of {known}.");
            return false;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ArgumentException)
        {
            setup.Fail("tokenizer", $"Tokenizer '{name}' could not be loaded: {ex.Message} " +
                "Reinstall AnnotationGate; its tokenizer data ships with it.");
            return false;
        }
    }

    private string? DescribeViolation(long length)
    {
        if (length > _max)
        {
            return $"Field '{_field.Path}' has {Format(length)}, above the maximum of {Format(_max.Value)}. " +
                "Shorten the output, or raise max.";
        }

        if (length < _min)
        {
            return $"Field '{_field.Path}' has {Format(length)}, below the minimum of {Format(_min.Value)}. " +
                "Lengthen the output, or lower min.";
        }

        return null;
    }

    private string Format(long amount) => LengthUnits.Format(amount, _unit, _tokenizerName);

    private string Summarize(long records, long failed)
    {
        var unit = LengthUnits.Describe(_unit, _tokenizerName);
        return $"Measured '{_field.Path}' in {unit} on {Number(records)} records, bounds {DescribeBounds()}: " +
            $"{Number(failed)} failed.";
    }

    private string DescribeBounds() => (_min, _max) switch
    {
        ({ } min, { } max) => $"{Number(min)} to {Number(max)}",
        ({ } min, null) => $"at least {Number(min)}",
        (null, { } max) => $"at most {Number(max)}",
        _ => "none",
    };

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private List<Metric> BuildMetrics()
    {
        var key = LengthUnits.Key(_unit);
        var defined = _statistics.Count > 0;
        var min = Statistic($"min-{key}", _statistics.Min);
        var max = Statistic($"max-{key}", _statistics.Max);
        if (_min is { } lower)
        {
            min = min with { Threshold = lower, Passed = defined ? _statistics.Min >= lower : null };
        }

        if (_max is { } upper)
        {
            var passed = defined ? _statistics.Max <= upper : (bool?)null;
            max = max with { Threshold = upper, ThresholdIsMaximum = true, Passed = passed };
        }

        var mean = Statistic($"mean-{key}", _statistics.Mean);
        var p95 = Statistic($"p95-{key}", _statistics.Percentile(0.95));
        return [min, mean, p95, max];
    }

    private Metric Statistic(string name, double value)
    {
        var count = _statistics.Count;
        var metric = new Metric(name, value) { Check = Id, Count = count };
        return count > 0 ? metric : metric with { Defined = false, Note = "No record had a text value to measure." };
    }
}
