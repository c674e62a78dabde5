namespace AnnotationGate.Core.Labels.Provenance;

/// <summary>
/// Maps a model name to its family (gpt, claude, gemini, llama, mistral, qwen and others) by name
/// prefix, case-insensitively, after dropping a vendor path such as <c>meta-llama/</c> or
/// <c>openai:</c>. The matching prefix with the most characters wins, so gate-file additions can refine a built-in
/// entry. A name that matches no prefix has no family.
/// </summary>
public sealed class ModelFamilies
{
    /// <summary>Built-in families and their model-name prefixes.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> BuiltIn =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["gpt"] = ["gpt-", "gpt4", "chatgpt", "o1", "o3", "o4-", "text-davinci", "davinci"],
            ["claude"] = ["claude"],
            ["gemini"] = ["gemini", "gemma", "palm", "bison"],
            ["llama"] = ["llama", "meta-llama", "codellama"],
            ["mistral"] = ["mistral", "mixtral", "ministral", "codestral", "pixtral", "magistral"],
            ["qwen"] = ["qwen", "qwq"],
            ["deepseek"] = ["deepseek"],
            ["grok"] = ["grok"],
            ["command"] = ["command", "c4ai-"],
            ["phi"] = ["phi-"],
            ["falcon"] = ["falcon"],
        };

    private readonly List<(string Prefix, string Family)> _prefixes;

    private ModelFamilies(List<(string Prefix, string Family)> prefixes)
    {
        _prefixes = prefixes;
    }

    /// <summary>The built-in table alone.</summary>
    public static ModelFamilies Default { get; } = Create(null);

    /// <summary>
    /// Builds the table from the built-in entries plus <paramref name="additions"/> (family to
    /// prefixes, as in the gate file's <c>model-families:</c>). An addition with the same prefix as
    /// a built-in entry replaces it.
    /// </summary>
    public static ModelFamilies Create(IReadOnlyDictionary<string, List<string>>? additions)
    {
        var byPrefix = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (family, prefixes) in BuiltIn)
        {
            foreach (var prefix in prefixes)
            {
                byPrefix[prefix] = family;
            }
        }

        foreach (var (family, prefixes) in additions ?? new Dictionary<string, List<string>>())
        {
            foreach (var prefix in prefixes.Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                byPrefix[prefix.Trim()] = family.Trim().ToLowerInvariant();
            }
        }

        var ordered = byPrefix
            .Select(kv => (Prefix: kv.Key.ToLowerInvariant(), Family: kv.Value))
            .OrderByDescending(e => e.Prefix.Length)
            .ThenBy(e => e.Prefix, StringComparer.Ordinal)
            .ToList();
        return new ModelFamilies(ordered);
    }

    /// <summary>Returns the family of <paramref name="model"/>, or null when no prefix matches.</summary>
    public string? FamilyOf(string? model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return null;
        }

        var name = model.Trim().ToLowerInvariant();
        var cut = name.LastIndexOfAny(['/', ':']);
        var candidates = cut >= 0 && cut < name.Length - 1 ? new[] { name[(cut + 1)..], name } : [name];
        foreach (var candidate in candidates)
        {
            foreach (var (prefix, family) in _prefixes)
            {
                if (candidate.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return family;
                }
            }
        }

        return null;
    }

    /// <summary>Returns the declared family when given (lower-cased), else the family derived from the model.</summary>
    public string? Resolve(string? declaredFamily, string? model) =>
        string.IsNullOrWhiteSpace(declaredFamily) ? FamilyOf(model) : declaredFamily.Trim().ToLowerInvariant();
}
