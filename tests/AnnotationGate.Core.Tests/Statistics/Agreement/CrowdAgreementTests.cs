using AnnotationGate.Core.Statistics.Agreement;
using AnnotationGate.Core.Tests.Labels.Aggregation;

namespace AnnotationGate.Core.Tests.Statistics.Agreement;

// Independently computed nominal alpha and Fleiss' kappa on the real crowd files, to 4 decimals.
public sealed class CrowdAgreementTests
{
    [Theory]
    [InlineData("RTE", 0.2415)]
    [InlineData("TEMP", 0.2234)]
    [InlineData("Product", 0.1575)]
    public void Alpha_real_crowd_data_matches(string dataSet, double expected)
    {
        var matrix = CrowdDataSets.ByName(dataSet).Matrix;

        var alpha = KrippendorffAlpha.Compute(matrix);

        alpha.Value.ShouldNotBeNull();
        alpha.Value.Value.ShouldBe(expected, 0.00005);
    }

    [Theory]
    [InlineData("RTE", 0.2414)]
    [InlineData("TEMP", 0.2232)]
    [InlineData("Product", 0.1574)]
    public void Fleiss_real_crowd_data_matches(string dataSet, double expected)
    {
        var matrix = CrowdDataSets.ByName(dataSet).Matrix;

        var kappa = FleissKappa.Compute(matrix);

        kappa.Value.ShouldNotBeNull();
        kappa.Value.Value.ShouldBe(expected, 0.00005);
    }
}
