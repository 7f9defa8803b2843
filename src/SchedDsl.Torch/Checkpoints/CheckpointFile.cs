using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace SchedDsl.Torch;

/// <summary>
/// The checkpoint file: a magic, a format version, the payload's length and SHA-256, then the payload's sections
/// (JSON header, model, optimizer state, RNG state), each length-prefixed. Written to a temporary file in the same
/// folder and renamed over the target, so a crash while saving leaves the previous checkpoint intact; read whole and
/// verified before anything is used, so a truncated or damaged file is refused. The checksum only tells a damaged file
/// from an intact one: anyone can write a file with a valid checksum, so everything read is checked as untrusted data,
/// and every failure is a <see cref="CheckpointException"/> (docs/robustness.md, "The checkpoint trust model").
/// </summary>
internal static class CheckpointFile
{
    private const int Version = 1;
    private static readonly byte[] Magic = "SDSLCKPT"u8.ToArray();
    private static readonly string[] SectionNames = ["header", "model", "optimizer", "RNG"];
    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // A missing member or a null where the type has none is a damaged header, said by the reader with its path.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static void Write(string path, CheckpointMeta meta, byte[] model, byte[] optimizer, byte[] rng)
    {
        var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var section in new[] { JsonSerializer.SerializeToUtf8Bytes(meta, Json), model, optimizer, rng })
            {
                writer.Write((long)section.Length);
                writer.Write(section);
            }
        }
        var bytes = payload.ToArray();
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new BinaryWriter(file))
            {
                writer.Write(Magic);
                writer.Write(Version);
                writer.Write((long)bytes.Length);
                writer.Write(SHA256.HashData(bytes));
                writer.Write(bytes);
                writer.Flush();
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
        RemoveStaleTemporaries(folder, Path.GetFileName(path));
    }

    /// <summary>
    /// Deletes the temporaries that earlier writes of <paramref name="name"/> left when killed between creating and
    /// renaming them. Best effort: a file another process holds or removed first is left to the next write.
    /// </summary>
    private static void RemoveStaleTemporaries(string folder, string name)
    {
        var pattern = new Regex($"^\\.{Regex.Escape(name)}\\.[0-9a-f]{{32}}\\.tmp$", RegexOptions.CultureInvariant);
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, ".*.tmp"))
            {
                if (pattern.IsMatch(Path.GetFileName(file)))
                {
                    File.Delete(file);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The checkpoint itself is written; a leftover temporary costs disk space, not correctness.
        }
    }

    public static (CheckpointMeta Meta, byte[] Model, byte[] Optimizer, byte[] Rng) Read(string path)
    {
        byte[] all;
        try
        {
            all = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"cannot read checkpoint {path}: {e.Message}", e);
        }
        var header = Magic.Length + sizeof(int) + sizeof(long) + 32;
        if (all.Length < header || !all.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new CheckpointException($"{path} is not a SchedDsl checkpoint (no SDSLCKPT header)");
        }
        var version = BitConverter.ToInt32(all, Magic.Length);
        if (version != Version)
        {
            throw new CheckpointException($"{path} has checkpoint format {version}; this version reads format {Version}");
        }
        var length = BitConverter.ToInt64(all, Magic.Length + sizeof(int));
        if (length != all.Length - header)
        {
            throw new CheckpointException($"{path} is truncated or damaged: the header announces {length} bytes of payload, the file holds {all.Length - header}");
        }
        var payload = all.AsMemory(header);
        if (!SHA256.HashData(payload.Span).AsSpan().SequenceEqual(all.AsSpan(header - 32, 32)))
        {
            throw new CheckpointException($"{path} is damaged: its SHA-256 does not match its content");
        }
        var sections = Sections(path, all.AsSpan(header));
        CheckpointMeta? meta;
        try
        {
            meta = JsonSerializer.Deserialize<CheckpointMeta>(sections[0], Json);
        }
        catch (JsonException e)
        {
            throw new CheckpointException($"{path} has a damaged header: {e.Message}", e);
        }
        if (meta is null)
        {
            throw new CheckpointException($"{path} has an empty header (JSON null)");
        }
        if (meta.Problem() is { } problem)
        {
            throw new CheckpointException($"{path} has a damaged header: {problem}");
        }
        return (meta, sections[1], sections[2], sections[3]);
    }

    /// <summary>Splits the payload into its four length-prefixed sections, each length checked against what is left.</summary>
    private static byte[][] Sections(string path, ReadOnlySpan<byte> payload)
    {
        var sections = new byte[SectionNames.Length][];
        var at = 0;
        for (var i = 0; i < sections.Length; i++)
        {
            var left = payload.Length - at;
            if (left < sizeof(long))
            {
                throw new CheckpointException($"{path} is damaged: its payload ends before the {SectionNames[i]} section's length");
            }
            var length = BitConverter.ToInt64(payload.Slice(at, sizeof(long)));
            at += sizeof(long);
            left -= sizeof(long);
            if (length < 0 || length > left)
            {
                throw new CheckpointException($"{path} is damaged: its {SectionNames[i]} section announces {length} bytes, and {left} are left");
            }
            sections[i] = payload.Slice(at, (int)length).ToArray();
            at += (int)length;
        }
        if (at != payload.Length)
        {
            throw new CheckpointException($"{path} is damaged: {payload.Length - at} bytes follow its last section");
        }
        return sections;
    }
}
