using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using AnnotationGate.Core.Findings;
using YamlDotNet.Core;

namespace AnnotationGate.Core.Configuration;

/// <summary>
/// Reads a gate file (YAML, or JSON, which YAML includes), validates it against <see cref="GateSchema"/>
/// and binds it to <see cref="GateConfig"/>. Every problem is collected with its line, column and key,
/// and all of them are raised together in one <see cref="GateConfigurationException"/>.
/// </summary>
public static partial class GateFileLoader
{
    /// <summary>The gate file version this tool reads.</summary>
    public const int SupportedVersion = 1;

    /// <summary>Loads and validates a gate file; throws <see cref="GateConfigurationException"/> with every error found.</summary>
    public static LoadedGate Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new GateConfigurationException(new ConfigurationError(path, 0, 0,
                $"Gate file '{path}' was not found. Pass the path of a .gate.yml file, such as eval-configs/example.gate.yml."));
        }

        var positions = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
        var root = Parse(path, File.ReadAllText(full), positions);
        var located = new LoadedGate(full, path, new GateConfig(), positions);
        CheckVersion(located, root);
        var errors = GateFileValidator.Validate(root, located);
        errors.AddRange(CheckRuleCodes(root, located));
        if (errors.Count > 0)
        {
            throw new GateConfigurationException([.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
        }

        var config = Bind(root, located);
        errors = CheckSemantics(config, located);
        if (errors.Count > 0)
        {
            throw new GateConfigurationException(errors);
        }

        return new LoadedGate(full, path, config, positions);
    }

    private static JsonObject Parse(string path, string text, Dictionary<string, (int Line, int Column)> positions)
    {
        JsonNode? root;
        try
        {
            root = YamlToJson.Convert(text, positions);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet raises this instead of a YamlException for some truncated documents, such as
            // an unclosed flow mapping, and gives no position: find the unclosed bracket instead.
            var (line, column, bracket) = UnclosedBracket.Find(text);
            var message = bracket is { } open
                ? $"The gate file is not valid {Syntax(path)}: the '{open}' here is never closed. Close it with '{(open == '{' ? '}' : ']')}'."
                : $"The gate file is not valid {Syntax(path)}: {ex.Message.TrimEnd('.')}. Check that every bracket and quote is closed.";
            throw new GateConfigurationException(new ConfigurationError(path, line, column, message));
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException?.Message ?? ex.Message;
            throw new GateConfigurationException(new ConfigurationError(path, (int)ex.Start.Line, (int)ex.Start.Column,
                $"The gate file is not valid {Syntax(path)}: {message.TrimEnd('.')}. Fix the syntax at this position."));
        }

        return root as JsonObject ?? throw new GateConfigurationException(new ConfigurationError(path, 1, 1,
            "The gate file must be a mapping with keys such as version, datasets and checks; it is empty or holds a single value."));
    }

    // JSON gate files go through the YAML parser too (JSON is YAML), so its messages apply to them.
    private static string Syntax(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "JSON (read as YAML)" : "YAML";

    private static void CheckVersion(LoadedGate gate, JsonObject root)
    {
        if (root["version"] is JsonValue value && value.TryGetValue<long>(out var version) && version > SupportedVersion)
        {
            throw new GateConfigurationException(gate.ErrorAt("/version",
                $"Gate file version {version} is newer than this tool reads (version {SupportedVersion}, AnnotationGate {ToolInfo.Version}). Update AnnotationGate to run it."));
        }
    }

    private static GateConfig Bind(JsonObject root, LoadedGate gate)
    {
        try
        {
            return root.Deserialize<GateConfig>(GateJson.Options)
                ?? throw new GateConfigurationException(gate.ErrorAt("", "The gate file is empty."));
        }
        catch (JsonException ex)
        {
            var pointer = ToPointer(ex.Path);
            throw new GateConfigurationException(gate.ErrorAt(pointer,
                $"Value at '{pointer}' could not be read: {ex.Message.Split(" Path:")[0]} Fix the value's type."));
        }
    }

    private static IEnumerable<ConfigurationError> CheckRuleCodes(JsonObject root, LoadedGate gate)
    {
        if (root["rules"] is not JsonObject rules)
        {
            yield break;
        }

        foreach (var (code, _) in rules)
        {
            if (!RuleCodePattern().IsMatch(code))
            {
                continue;
            }

            var rule = RuleCatalog.Find(code);
            if (rule is null)
            {
                yield return gate.ErrorAt("/rules/" + code,
                    $"Rule '{code}' does not exist. See docs/rules/README.md for the list of codes.");
            }
            else if (!rule.Configurable)
            {
                yield return gate.ErrorAt("/rules/" + code,
                    $"Rule '{code}' ({rule.Title}) cannot be reconfigured: the gate cannot run without it. Remove it from rules.");
            }
        }
    }

    private static List<ConfigurationError> CheckSemantics(GateConfig config, LoadedGate gate)
    {
        var errors = new List<ConfigurationError>();

        for (var i = 0; i < config.Checks.Count; i++)
        {
            if (config.Checks[i] is LengthCheckConfig { Min: { } min, Max: { } max } && min > max)
            {
                errors.Add(gate.ErrorAt($"/checks/{i}/min", $"min ({min}) is greater than max ({max}); swap them or fix one."));
            }
        }

        errors.AddRange(CheckDriftReferences(config, gate));
        return errors;
    }

    private static IEnumerable<ConfigurationError> CheckDriftReferences(GateConfig config, LoadedGate gate)
    {
        foreach (var (name, dataset) in config.Datasets)
        {
            if (dataset.Labels?.DriftReference is not { } reference)
            {
                continue;
            }

            var pointer = $"/datasets/{EscapePointer(name)}/labels/drift-reference";
            if (reference == name)
            {
                yield return gate.ErrorAt(pointer,
                    $"labels.drift-reference of dataset '{name}' names the dataset itself. Name the golden " +
                    "dataset whose expert labels these LLM labels should match.");
            }
            else if (!config.Datasets.ContainsKey(reference))
            {
                var known = string.Join(", ", config.Datasets.Keys.Where(k => k != name).Order(StringComparer.Ordinal));
                yield return gate.ErrorAt(pointer,
                    $"labels.drift-reference of dataset '{name}' names '{reference}', which is not a dataset of " +
                    $"this gate file. Use one of: {known}.");
            }
        }
    }

    private static string EscapePointer(string key) =>
        key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    [GeneratedRegex("^AG[0-9]{4}$")]
    private static partial Regex RuleCodePattern();

    /// <summary>Turns a System.Text.Json path such as <c>$.checks[0].max</c> into a JSON Pointer.</summary>
    private static string ToPointer(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "";
        }

        var pointer = jsonPath.TrimStart('$')
            .Replace("['", "/", StringComparison.Ordinal)
            .Replace("']", "", StringComparison.Ordinal)
            .Replace("[", "/", StringComparison.Ordinal)
            .Replace("]", "", StringComparison.Ordinal)
            .Replace(".", "/", StringComparison.Ordinal);
        return pointer.StartsWith('/') ? pointer : "/" + pointer;
    }
}
