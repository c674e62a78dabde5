using AnnotationGate.Core.Embeddings;

namespace AnnotationGate.Core.Checks.Paraphrase;

/// <summary>
/// Returns an embedder by the name a gate file gives in <c>model:</c> (<c>minilm</c>, <c>tfidf</c>).
/// Hosts register it in the run's services next to the default <see cref="ITextEmbedder"/>.
/// </summary>
public interface ITextEmbedderSelector
{
    /// <summary>Returns the embedder named <paramref name="model"/>, or null when this host has none by that name.</summary>
    ITextEmbedder? Select(string model);
}
