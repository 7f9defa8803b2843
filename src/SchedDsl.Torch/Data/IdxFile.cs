using System.Buffers.Binary;
using System.IO.Compression;

namespace SchedDsl.Torch;

/// <summary>
/// Reads an IDX file of unsigned bytes, the format of MNIST, Fashion-MNIST, KMNIST and EMNIST: a big-endian header
/// (two zero bytes, the type <c>0x08</c>, the number of dimensions, then each dimension as a 32-bit integer) followed
/// by the bytes, item after item. A file whose name ends in <c>.gz</c> is read through gzip, as Debian installs them.
/// </summary>
/// <remarks>
/// The file is untrusted: a wrong magic, a dimension that is not &gt; 0, a size past 2 GiB or a file that ends early is an
/// <see cref="InvalidDataException"/> naming the file and what is wrong, and memory grows with the bytes actually read,
/// never with what the header claims. Thread-safety: stateless; safe from any thread.
/// </remarks>
public static class IdxFile
{
    // The IDX type code of unsigned bytes, the only one these datasets use.
    private const byte UnsignedByte = 0x08;
    private const int Chunk = 1 << 20;

    /// <summary>Reads up to <paramref name="limit"/> items of the IDX file at <paramref name="path"/>.</summary>
    /// <param name="path">The file, gzipped when its name ends in <c>.gz</c>.</param>
    /// <param name="limit">The most items to read, &gt;= 0; the file's first dimension counts the items.</param>
    /// <returns>The dimensions (the first is the number of items read) and the bytes, item after item.</returns>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not an unsigned-byte IDX file, or is shorter than its header says.</exception>
    public static (int[] Shape, byte[] Data) Read(string path, int limit = int.MaxValue)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        try
        {
            var shape = Header(stream, path);
            var itemSize = 1L;
            foreach (var size in shape.Skip(1))
            {
                itemSize *= size;
            }
            shape[0] = (int)Math.Min(shape[0], limit);
            var length = itemSize * shape[0];
            if (itemSize > Array.MaxLength || length > Array.MaxLength)
            {
                throw new InvalidDataException($"{path}: {string.Join(" x ", shape)} bytes is more than one array holds ({Array.MaxLength}); read fewer items (limit)");
            }
            return (shape, Body(stream, (int)length, path));
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            // GZipStream's own complaint (not gzip data, a corrupt block) says nothing of which file.
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    private static int[] Header(Stream stream, string path)
    {
        Span<byte> word = stackalloc byte[4];
        if (stream.ReadAtLeast(word, 4, throwOnEndOfStream: false) < 4)
        {
            throw new InvalidDataException($"{path}: the file ends inside the IDX header");
        }
        if (word[0] != 0 || word[1] != 0 || word[2] != UnsignedByte || word[3] == 0)
        {
            throw new InvalidDataException(
                $"{path} is not an unsigned-byte IDX file: its magic is 0x{Convert.ToHexString(word)}, expected 0x000008 then the number of dimensions (0x00000803 for images, 0x00000801 for labels)");
        }
        var shape = new int[word[3]];
        for (var i = 0; i < shape.Length; i++)
        {
            if (stream.ReadAtLeast(word, 4, throwOnEndOfStream: false) < 4)
            {
                throw new InvalidDataException($"{path}: the file ends inside the IDX header, at dimension {i} of {shape.Length}");
            }
            shape[i] = BinaryPrimitives.ReadInt32BigEndian(word);
            if (shape[i] < 1)
            {
                throw new InvalidDataException($"{path}: IDX dimension {i} is {shape[i]}; every dimension must be >= 1");
            }
        }
        return shape;
    }

    /// <summary>Reads <paramref name="length"/> bytes in chunks, so a header that lies costs only what the file holds.</summary>
    private static byte[] Body(Stream stream, int length, string path)
    {
        using var body = new MemoryStream(Math.Min(length, 64 * Chunk));
        var chunk = new byte[Math.Min(length, Chunk)];
        while (body.Length < length)
        {
            var read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, length - body.Length));
            if (read == 0)
            {
                throw new InvalidDataException($"{path}: the file ends after {body.Length} of the {length} bytes its IDX header announces");
            }
            body.Write(chunk, 0, read);
        }
        // Sized exactly up to 64 MiB (Fashion-MNIST's 47 MB of training images): the buffer is the array, no copy.
        return body.Capacity == length ? body.GetBuffer() : body.ToArray();
    }
}
