using AnnotationGate.Core.Checks.Fields;
using AnnotationGate.Core.Checks.Length;
using AnnotationGate.Core.Checks.Patterns;
using AnnotationGate.Core.Configuration;

namespace AnnotationGate.Core.Checks;

/// <summary>
/// Turns each <c>checks:</c> entry into a runnable check: an <see cref="IRecordCheck"/> for checks that
/// look at one record at a time, an <see cref="IGateStep"/> for checks over whole datasets.
/// </summary>
public static class CheckFactory
{
    /// <summary>Creates the check; configuration problems go to <paramref name="setup"/> and null is returned.</summary>
    public static object? Create(CheckConfig config, CheckSetup setup) => config switch
    {
        GoldenCheckConfig golden => Evaluation.GoldenCheck.Create(golden, setup),
        LabelSourcesCheckConfig sources => Labels.LabelSourcesCheck.Create(sources, setup),
        LengthCheckConfig length => LengthCheck.Create(length, setup),
        RequiredFieldsCheckConfig required => RequiredFieldsCheck.Create(required, setup),
        PatternCheckConfig pattern => PatternCheck.Create(pattern, setup),
        JsonSchemaCheckConfig jsonSchema => Schema.JsonSchemaCheck.Create(jsonSchema, setup),
        ParaphraseCheckConfig paraphrase => Paraphrase.ParaphraseConsistencyCheck.Create(paraphrase, setup),
        _ => Unsupported(config, setup),
    };

    private static object? Unsupported(CheckConfig config, CheckSetup setup)
    {
        setup.Fail("type", $"Check type '{config.Type}' is not available in this build of AnnotationGate.");
        return null;
    }
}
