namespace AnnotationGate.Embeddings;

/// <summary>Vector helpers shared by the embedders: mean pooling, L2 normalization and cosine.</summary>
public static class Pooling
{
    /// <summary>
    /// Averages the token vectors of one text over the positions whose attention mask is 1, then
    /// scales the mean to unit length. <paramref name="hidden"/> is <c>tokens × dimensions</c>, row-major.
    /// </summary>
    public static float[] MeanNormalized(ReadOnlySpan<float> hidden, ReadOnlySpan<long> mask, int dimensions)
    {
        var sum = new double[dimensions];
        var count = 0;
        for (var token = 0; token < mask.Length; token++)
        {
            if (mask[token] == 0)
            {
                continue;
            }

            count++;
            var row = hidden.Slice(token * dimensions, dimensions);
            for (var d = 0; d < dimensions; d++)
            {
                sum[d] += row[d];
            }
        }

        var vector = new float[dimensions];
        var scale = 1.0 / Math.Max(count, 1);
        for (var d = 0; d < dimensions; d++)
        {
            vector[d] = (float)(sum[d] * scale);
        }

        Normalize(vector);
        return vector;
    }

    /// <summary>Scales a vector to unit length in place; a zero vector stays zero.</summary>
    public static void Normalize(float[] vector)
    {
        double squares = 0;
        foreach (var value in vector)
        {
            squares += (double)value * value;
        }

        var norm = Math.Sqrt(squares);
        if (norm < 1e-12)
        {
            return;
        }

        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] = (float)(vector[d] / norm);
        }
    }

    /// <summary>Returns the cosine similarity of two vectors of the same length; 0 when one is zero.</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Vectors have {a.Length} and {b.Length} dimensions; compare vectors of one model.", nameof(b));
        }

        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            normA += (double)a[i] * a[i];
            normB += (double)b[i] * b[i];
        }

        return normA == 0 || normB == 0 ? 0 : dot / Math.Sqrt(normA * normB);
    }
}
