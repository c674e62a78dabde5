using AnnotationGate.Core.Engine;
using AnnotationGate.Core.Reporting;
using Spectre.Console;

namespace AnnotationGate.Cli.Output;

/// <summary>
/// Shows a one-line progress bar while datasets stream, only in an interactive terminal and only once
/// the run has lasted longer than <see cref="DefaultDelay"/>, so short runs and logs stay clean.
/// Disposing it clears the line. Safe to call from several threads.
/// </summary>
public sealed class ConsoleProgress : IProgress<GateProgress>, IDisposable
{
    /// <summary>How long a run lasts before the bar appears: one second.</summary>
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(1);

    private const int BarWidth = 24;
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly IAnsiConsole _console;
    private readonly bool _enabled;
    private readonly TimeProvider _time;
    private readonly TimeSpan _delay;
    private readonly long _started;
    private readonly Lock _lock = new();
    private long _lastDraw;
    private int _drawnLength;

    /// <summary>
    /// Creates the reporter. With <paramref name="interactive"/> false it draws nothing; pass
    /// <see cref="ConsoleReport.IsInteractive"/> of the console. The delay defaults to one second.
    /// </summary>
    public ConsoleProgress(IAnsiConsole console, bool interactive, TimeProvider? time = null, TimeSpan? delay = null)
    {
        _console = console;
        _enabled = interactive;
        _time = time ?? TimeProvider.System;
        _delay = delay ?? DefaultDelay;
        _started = _time.GetTimestamp();
    }

    /// <summary>Draws the bar for the latest progress, at most ten times a second.</summary>
    public void Report(GateProgress value)
    {
        if (!_enabled)
        {
            return;
        }

        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (_time.GetElapsedTime(_started, now) < _delay
                || (_drawnLength > 0 && _time.GetElapsedTime(_lastDraw, now) < RedrawInterval))
            {
                return;
            }

            _lastDraw = now;
            Draw(Line(value));
        }
    }

    /// <summary>Clears the bar, if one was drawn, so that the report starts on a clean line.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_drawnLength > 0)
            {
                var writer = _console.Profile.Out.Writer;
                writer.Write("\r" + new string(' ', _drawnLength) + "\r");
                writer.Flush();
                _drawnLength = 0;
            }
        }
    }

    /// <summary>
    /// Formats one progress line: <c>outputs [##########--------------]  42.0%  12,345 records</c>;
    /// without a known total size, only the record count.
    /// </summary>
    internal static string Line(GateProgress value)
    {
        var records = ReportText.Plural(value.Records, "record");
        if (value.TotalBytes <= 0)
        {
            return $"{value.Dataset}  {records}";
        }

        var fraction = Math.Clamp((double)value.BytesRead / value.TotalBytes, 0, 1);
        var filled = (int)Math.Round(fraction * BarWidth);
        var bar = new string('#', filled) + new string('-', BarWidth - filled);
        return $"{value.Dataset} [{bar}] {NumberFormat.Percent(fraction),6}  {records}";
    }

    private void Draw(string line)
    {
        var width = Math.Max(20, _console.Profile.Width - 1);
        var text = line.Length > width ? line[..width] : line;
        var writer = _console.Profile.Out.Writer;
        writer.Write("\r" + text.PadRight(Math.Max(_drawnLength, text.Length)));
        writer.Flush();
        _drawnLength = Math.Max(_drawnLength, text.Length);
    }
}
