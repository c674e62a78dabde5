using System.Diagnostics;
using System.Globalization;

namespace AnnotationGate.Cli.Output;

/// <summary>
/// Prints how many texts have been embedded, at most once every 5 seconds, so that a first run that
/// computes every embedding (139 s for 3,000 sentences on two cores, measured) is not silent.
/// </summary>
internal sealed class EmbeddingProgress : IProgress<int>, IProgress<long>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly TextWriter _writer;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastPrinted;

    public EmbeddingProgress(TextWriter writer)
    {
        _writer = writer;
    }

    public void Report(int value) => Report((long)value);

    public void Report(long value)
    {
        if (_clock.Elapsed - _lastPrinted < Interval)
        {
            return;
        }

        _lastPrinted = _clock.Elapsed;
        _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Embedded {value:N0} texts ({_clock.Elapsed.TotalSeconds:0} s)."));
    }
}
