using AnnotationGate.Core.Statistics.Regression;

namespace AnnotationGate.Core.Tests.Regression;

public sealed class Xoshiro256RandomTests
{
    [Fact]
    public void Sequence_matches_reference()
    {
        // Values from a separate Python transcription of SplitMix64 seeding and xoshiro256**.
        var random = new Xoshiro256Random(42);

        random.NextUInt64().ShouldBe(1546998764402558742UL);
        random.NextUInt64().ShouldBe(6990951692964543102UL);
        random.NextUInt64().ShouldBe(12544586762248559009UL);
    }

    [Fact]
    public void Negative_seed_is_accepted()
    {
        var random = new Xoshiro256Random(-1);

        random.NextUInt64().ShouldBe(10328197420357168392UL);
        random.NextUInt64().ShouldBe(14156678507024973869UL);
    }

    [Fact]
    public void Bounded_draws_are_uniform()
    {
        var random = new Xoshiro256Random(7);
        int[] counts = new int[10];

        for (int i = 0; i < 100_000; i++)
        {
            counts[random.Next(10)]++;
        }

        // Each count is Binomial(100000, 0.1): mean 10000, standard deviation 95.
        foreach (int count in counts)
        {
            count.ShouldBeInRange(9_600, 10_400);
        }
    }

    [Fact]
    public void Doubles_stay_in_unit_interval()
    {
        var random = new Xoshiro256Random(3);

        var values = Enumerable.Range(0, 10_000).Select(_ => random.NextDouble()).ToList();

        values.Min().ShouldBeGreaterThanOrEqualTo(0.0);
        values.Max().ShouldBeLessThan(1.0);
        values.Average().ShouldBe(0.5, 0.01);
    }
}
