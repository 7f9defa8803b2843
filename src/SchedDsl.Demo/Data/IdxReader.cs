using System.Buffers.Binary;
using System.IO.Compression;

namespace SchedDsl.Demo;

/// <summary>
/// Reads the IDX files of MNIST and Fashion-MNIST (big-endian header: magic <c>0x00000803</c> for images,
/// <c>0x00000801</c> for labels, then the dimensions, then unsigned bytes), gzipped or not.
/// </summary>
/// <remarks>Thread-safety: stateless; safe from any thread.</remarks>
internal static class IdxReader
{
    /// <summary>Reads up to <paramref name="limit"/> items of an IDX file: the dimensions (first = item count actually read) and the bytes.</summary>
    /// <exception cref="InvalidDataException">The file is not an unsigned-byte IDX file.</exception>
    public static (int[] Shape, byte[] Data) Read(string path, int limit = int.MaxValue)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (limit < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"limit must be >= 0, got {limit}");
        }
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        Span<byte> word = stackalloc byte[4];
        stream.ReadExactly(word);
        if (word[0] != 0 || word[1] != 0 || word[2] != 0x08)
        {
            throw new InvalidDataException($"{path} is not an unsigned-byte IDX file (magic {Convert.ToHexString(word)})");
        }
        var shape = new int[word[3]];
        for (var i = 0; i < shape.Length; i++)
        {
            stream.ReadExactly(word);
            shape[i] = BinaryPrimitives.ReadInt32BigEndian(word);
        }
        shape[0] = Math.Min(shape[0], limit);
        var itemSize = shape.Skip(1).Aggregate(1, (a, b) => a * b);
        var data = new byte[checked(shape[0] * itemSize)];
        stream.ReadExactly(data);
        return (shape, data);
    }
}
