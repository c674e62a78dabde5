using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace AnnotationGate.Embeddings.Caching;

/// <summary>
/// Embeddings on disk, keyed by model id (which includes the tokenizer settings) and a 128-bit hash of
/// the text. Each run that computes new vectors writes one segment file under a private name and
/// renames it into place, so concurrent runs never see a partial file and never overwrite each other.
/// Segments are merged once there are more than <see cref="MaxSegments"/>.
/// </summary>
public sealed class EmbeddingCache
{
    /// <summary>Segment count above which a lookup merges them into one file.</summary>
    public const int MaxSegments = 16;

    private const uint Magic = 0x31434741; // "AGC1", little-endian
    private const int HeaderSize = 8;

    public EmbeddingCache(string cacheDirectory, string modelId, int dimensions)
    {
        Dimensions = dimensions;
        var key = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(modelId)).ToString("x16", CultureInfo.InvariantCulture);
        Directory = Path.Combine(Path.GetFullPath(cacheDirectory), "embeddings", key);
    }

    /// <summary>Folder of this model's segment files.</summary>
    public string Directory { get; }

    public int Dimensions { get; }

    private int EntrySize => 16 + (4 * Dimensions);

    /// <summary>Returns the key of a text: the XxHash128 of its UTF-8 bytes.</summary>
    public static UInt128 KeyOf(string text) => XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(text));

    /// <summary>Returns the cached vectors among <paramref name="keys"/>; keys not cached are absent.</summary>
    public Dictionary<UInt128, float[]> Lookup(IReadOnlySet<UInt128> keys)
    {
        var found = new Dictionary<UInt128, float[]>();
        if (!System.IO.Directory.Exists(Directory))
        {
            return found;
        }

        var segments = Segments();
        foreach (var segment in segments)
        {
            ReadSegment(segment, entry => keys.Contains(entry.Key) && !found.ContainsKey(entry.Key), found);
        }

        if (segments.Length > MaxSegments)
        {
            TryCompact();
        }

        return found;
    }

    /// <summary>Writes new vectors as one segment; does nothing when <paramref name="entries"/> is empty.</summary>
    public void Store(IReadOnlyCollection<KeyValuePair<UInt128, float[]>> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            WriteSegment(entries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException(
                $"Writing the embedding cache in '{Directory}' failed: {ex.Message} Make the cache folder writable, "
                + "or pass --cache (or set ANNOTATIONGATE_CACHE) with a writable folder.", ex);
        }
    }

    private string[] Segments() => System.IO.Directory.GetFiles(Directory, "*.seg");

    private void ReadSegment(string path, Func<KeyValuePair<UInt128, float[]>, bool> keep, Dictionary<UInt128, float[]> into)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            return; // merged and deleted by another run after the listing
        }

        if (bytes.Length < HeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic
            || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)) != Dimensions
            || (bytes.Length - HeaderSize) % EntrySize != 0)
        {
            return; // NOTE: a foreign or damaged segment is ignored; its vectors are computed again.
        }

        for (var offset = HeaderSize; offset < bytes.Length; offset += EntrySize)
        {
            var key = MemoryMarshal.Read<UInt128>(bytes.AsSpan(offset, 16));
            if (!keep(new(key, [])))
            {
                continue;
            }

            var vector = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(offset + 16, 4 * Dimensions)).ToArray();
            if (vector.All(float.IsFinite))
            {
                // A vector with NaN or infinity came from a damaged model or segment: it is computed again.
                into[key] = vector;
            }
        }
    }

    private string WriteSegment(IEnumerable<KeyValuePair<UInt128, float[]>> entries)
    {
        var unique = $"{Environment.ProcessId}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(8))}";
        var partial = Path.Combine(Directory, unique + ".partial");
        var target = Path.Combine(Directory, unique + ".seg");
        try
        {
            using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                Span<byte> header = stackalloc byte[HeaderSize];
                BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
                BinaryPrimitives.WriteInt32LittleEndian(header[4..], Dimensions);
                stream.Write(header);
                foreach (var (key, vector) in entries)
                {
                    var copy = key;
                    stream.Write(MemoryMarshal.AsBytes(new ReadOnlySpan<UInt128>(in copy)));
                    stream.Write(MemoryMarshal.AsBytes(vector.AsSpan()));
                }
            }

            File.Move(partial, target);
            return target;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    // Merges every segment into one. The lock file keeps two runs from merging at once; a run that
    // cannot take it skips the merge. Readers that listed a segment before it was deleted skip it
    // and recompute its vectors at worst.
    private void TryCompact()
    {
        FileStream? lockFile = null;
        try
        {
            lockFile = new FileStream(Path.Combine(Directory, "merge.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            var segments = Segments();
            var all = new Dictionary<UInt128, float[]>();
            foreach (var segment in segments)
            {
                ReadSegment(segment, entry => !all.ContainsKey(entry.Key), all);
            }

            WriteSegment(all);
            foreach (var segment in segments)
            {
                File.Delete(segment);
            }
        }
        catch (IOException)
        {
            // Another run holds the lock, or a file is in use (Windows): merge on a later run.
        }
        finally
        {
            lockFile?.Dispose();
        }
    }
}
