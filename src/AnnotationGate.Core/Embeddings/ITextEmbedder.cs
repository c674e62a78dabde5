namespace AnnotationGate.Core.Embeddings;

/// <summary>
/// Computes sentence embeddings. Core defines the interface so that it never loads native code;
/// the AnnotationGate.Embeddings project implements it and hosts register it as a service.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Identifies the model and tokenizer settings; part of every cache key.</summary>
    string ModelId { get; }

    int Dimensions { get; }

    /// <summary>Returns one L2-normalized vector per text, in input order.</summary>
    IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, IProgress<int>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// Tells whether a text's vector depends on the other texts of the same call (TF-IDF fits its
    /// frequencies on them), so that a caller must embed every text it compares in one call. Default false.
    /// </summary>
    bool VectorsDependOnBatch => false;

    /// <summary>Tells whether the model cuts the text to its input limit before embedding it. Default false.</summary>
    bool IsTruncated(string text) => false;
}
