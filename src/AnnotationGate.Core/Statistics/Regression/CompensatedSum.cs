namespace AnnotationGate.Core.Statistics.Regression;

/// <summary>Neumaier's compensated sum, which keeps the rounding error of long sums near one ulp.</summary>
internal struct CompensatedSum
{
    private double _sum;
    private double _compensation;

    public readonly double Value => _sum + _compensation;

    public void Add(double value)
    {
        double total = _sum + value;
        _compensation += Math.Abs(_sum) >= Math.Abs(value) ? (_sum - total) + value : (value - total) + _sum;
        _sum = total;
    }
}
