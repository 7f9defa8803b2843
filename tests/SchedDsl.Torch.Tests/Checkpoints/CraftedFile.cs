using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SchedDsl.Torch.Tests;

/// <summary>
/// A checkpoint's four sections as raw bytes, edited and sealed again with a recomputed SHA-256, as anyone can: the
/// file format (magic, version, payload length, SHA-256, length-prefixed sections) written out independently of
/// <see cref="CheckpointFile"/>, so a test can also write what it never would.
/// </summary>
internal sealed record CraftedFile(byte[] Header, byte[] Model, byte[] Optimizer, byte[] Rng)
{
    private const int Prefix = 8 + 4 + 8 + 32;

    public static CraftedFile Read(string path)
    {
        var all = File.ReadAllBytes(path);
        var sections = new byte[4][];
        var at = Prefix;
        for (var i = 0; i < sections.Length; i++)
        {
            var length = (int)BitConverter.ToInt64(all, at);
            sections[i] = all[(at + 8)..(at + 8 + length)];
            at += 8 + length;
        }
        return new CraftedFile(sections[0], sections[1], sections[2], sections[3]);
    }

    /// <summary>The header with <paramref name="edit"/> applied to its JSON.</summary>
    public CraftedFile WithHeader(Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(Header)!.AsObject();
        edit(json);
        return this with { Header = Encoding.UTF8.GetBytes(json.ToJsonString()) };
    }

    /// <summary>The header replaced by <paramref name="text"/>.</summary>
    public CraftedFile WithHeader(string text) => this with { Header = Encoding.UTF8.GetBytes(text) };

    /// <summary>The payload as written: each section's length, then its bytes.</summary>
    public byte[] Payload()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            foreach (var section in new[] { Header, Model, Optimizer, Rng })
            {
                writer.Write((long)section.Length);
                writer.Write(section);
            }
        }
        return stream.ToArray();
    }

    public void Seal(string path) => Seal(path, Payload());

    /// <summary>Writes <paramref name="payload"/> with a valid magic, version, length and SHA-256.</summary>
    public static void Seal(string path, byte[] payload)
    {
        using var file = File.Create(path);
        using var writer = new BinaryWriter(file);
        writer.Write("SDSLCKPT"u8);
        writer.Write(1);
        writer.Write((long)payload.Length);
        writer.Write(SHA256.HashData(payload));
        writer.Write(payload);
    }
}
