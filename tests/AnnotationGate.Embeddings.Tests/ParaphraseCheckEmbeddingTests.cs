using AnnotationGate.Core.Checks;
using AnnotationGate.Core.Checks.Paraphrase;
using AnnotationGate.Core.Configuration;
using AnnotationGate.Core.Data;
using AnnotationGate.Core.Embeddings;
using AnnotationGate.Core.Engine;
using AnnotationGate.Core.Findings;
using AnnotationGate.Core.Results;

namespace AnnotationGate.Embeddings.Tests;

[Collection(EmbedderCollection.Name)]
public sealed class ParaphraseCheckEmbeddingTests(EmbedderFixture fixture) : IDisposable
{
    private static readonly string[] Outputs =
    [
        """{"id": "r1", "group": "reset", "reply": "Click Forgot password on the sign-in page and follow the link we email you."}""",
        """{"id": "r2", "group": "reset", "reply": "Use the Forgot password link on the login page; we will email you a reset link."}""",
        """{"id": "f1", "group": "refund", "reply": "Refunds reach your card within 5 to 7 business days."}""",
        """{"id": "f2", "group": "refund", "reply": "Your refund will be back on your card in 5 to 7 business days."}""",
        """{"id": "f3", "group": "refund", "reply": "I cannot help with that. Please ask about something else."}""",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("ag-paraphrase-embed-").FullName;
    private readonly FindingCollector _findings = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Embedding_check_names_the_outlier()
    {
        var result = Run(Config("minilm"), new Services(fixture.Embedder));

        result.Status.ShouldBe(CheckStatus.Failed);
        result.Metrics.Single(m => m.Name == "inconsistent-groups").Value.ShouldBe(1);
        var finding = _findings.Findings.Single(f => f.Code == RuleCatalog.InconsistentParaphraseGroup);
        finding.RecordId.ShouldBe("f3");
        finding.Message.ShouldContain("group 'refund'");
        result.Metrics.Single(m => m.Name == "truncated-outputs").Value.ShouldBe(0);
    }

    [Fact]
    public void Tfidf_model_is_selected_by_name()
    {
        using var services = new EmbeddingServices(fixture.CacheDirectory);

        var result = Run(Config("tfidf"), services);

        result.Status.ShouldBe(CheckStatus.Failed);
        services.Select("tfidf").ShouldBeOfType<TfidfEmbedder>();
        _findings.Findings.Count(f => f.Code == RuleCatalog.InconsistentParaphraseGroup).ShouldBe(2);
    }

    [Fact]
    public void Cache_folder_resolves_in_order()
    {
        var configured = EmbeddingServices.ResolveCacheDirectory("/tmp/x-cache", "/repo/eval-configs");
        var fallback = EmbeddingServices.ResolveCacheDirectory(null, "/repo/eval-configs");

        configured.ShouldBe("/tmp/x-cache");
        fallback.ShouldBe(Environment.GetEnvironmentVariable(EmbeddingServices.CacheVariable) is { Length: > 0 } set
            ? Path.GetFullPath(set)
            : "/repo/eval-configs/.annotationgate/cache");
    }

    private static ParaphraseCheckConfig Config(string model) =>
        new() { Dataset = "outputs", Group = "group", Field = "reply", Model = model, MaxInconsistentGroups = 0.2 };

    private CheckResult Run(ParaphraseCheckConfig config, IServiceProvider services)
    {
        var dataPath = Path.Combine(_folder, "outputs.jsonl");
        File.WriteAllLines(dataPath, Outputs);
        var dataset = new DatasetConfig { Path = "outputs.jsonl", Id = "id" };
        var gateConfig = new GateConfig { Version = 1, Datasets = { ["outputs"] = dataset }, Checks = { config } };
        var gate = new LoadedGate(Path.Combine(_folder, "t.gate.yml"), "t.gate.yml", gateConfig, new Dictionary<string, (int, int)>());
        var session = new GateSession(gate, _folder, _findings, TimeProvider.System, services);
        session.Datasets["outputs"] = new ResolvedDataset("outputs", dataset, dataPath, "outputs.jsonl", DataFormat.Jsonl) { IdPath = FieldPath.Parse("id") };
        var errors = new List<ConfigurationError>();
        var check = ParaphraseConsistencyCheck.Create(config, new CheckSetup(gate, 0, "paraphrase", session.ResolvePath, errors))!;
        return check.RunAsync(new CheckContext(session, check.Id, null), CancellationToken.None).GetAwaiter().GetResult();
    }

    private sealed class Services(ITextEmbedder embedder) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(ITextEmbedder) ? embedder : null;
    }
}
