using Microsoft.ML.Tokenizers;

namespace AnnotationGate.Core.Text;

/// <summary>
/// The tokenizers a length check can count tokens with, by encoding name. Each is the OpenAI tiktoken
/// encoding from Microsoft.ML.Tokenizers 3.0.0, whose vocabulary is embedded in the
/// <c>Microsoft.ML.Tokenizers.Data.*</c> package, so nothing is downloaded. Each instance is created once,
/// on first use, and shared by every thread.
/// </summary>
/// <remarks>
/// NOTE: text that spells a special token, such as <c>&lt;|endoftext|&gt;</c>, counts as that one token,
/// where tiktoken's <c>encode_ordinary</c> would split it into ordinary tokens.
/// </remarks>
public static class TokenizerCatalog
{
    /// <summary>Encoding that GPT-4 and GPT-3.5-turbo use.</summary>
    public const string Cl100kBase = "cl100k_base";

    /// <summary>Encoding that GPT-4o uses.</summary>
    public const string O200kBase = "o200k_base";

    private static readonly Dictionary<string, Lazy<Tokenizer>> Tokenizers = new(StringComparer.Ordinal)
    {
        [Cl100kBase] = Load(Cl100kBase),
        [O200kBase] = Load(O200kBase),
    };

    /// <summary>Names of the tokenizers, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = [Cl100kBase, O200kBase];

    /// <summary>
    /// Returns the named tokenizer, creating it on first use, or false for a name not in <see cref="Names"/>.
    /// </summary>
    public static bool TryGet(string name, out Tokenizer tokenizer)
    {
        if (Tokenizers.TryGetValue(name, out var lazy))
        {
            tokenizer = lazy.Value;
            return true;
        }

        tokenizer = null!;
        return false;
    }

    private static Lazy<Tokenizer> Load(string encoding) =>
        new(() => TiktokenTokenizer.CreateForEncoding(encoding), LazyThreadSafetyMode.ExecutionAndPublication);
}
