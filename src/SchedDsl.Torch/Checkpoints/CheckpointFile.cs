using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchedDsl.Torch;

/// <summary>
/// The checkpoint file: a magic, a format version, the payload's length and SHA-256, then the payload's sections
/// (JSON header, model, optimizer state, RNG state), each length-prefixed. Written to a temporary file in the same
/// folder and renamed over the target, so a crash while saving leaves the previous checkpoint intact; read whole and
/// verified before anything is used, so a truncated or damaged file is refused.
/// </summary>
internal static class CheckpointFile
{
    private const int Version = 1;
    private static readonly byte[] Magic = "SDSLCKPT"u8.ToArray();
    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
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
        using var reader = new BinaryReader(new MemoryStream(all, header, all.Length - header));
        var sections = new byte[4][];
        for (var i = 0; i < sections.Length; i++)
        {
            sections[i] = reader.ReadBytes(checked((int)reader.ReadInt64()));
        }
        var meta = JsonSerializer.Deserialize<CheckpointMeta>(sections[0], Json)
            ?? throw new CheckpointException($"{path} has an empty header");
        return (meta, sections[1], sections[2], sections[3]);
    }
}
