using System.Buffers.Binary;
using Tensorboard;

namespace SchedDsl.Torch.Tests;

/// <summary>
/// Reads TensorBoard event files back without Python: TFRecord framing (u64 length, u32 masked CRC-32C of the length,
/// the payload, u32 masked CRC-32C of the payload; little-endian), each payload an <c>Event</c> protobuf, parsed with
/// the generated classes TorchSharp ships.
/// </summary>
internal static class TensorBoardEvents
{
    public static List<Event> Read(string file)
    {
        var bytes = File.ReadAllBytes(file);
        var events = new List<Event>();
        var at = 0;
        while (at < bytes.Length)
        {
            var lengthBytes = bytes.AsSpan(at, 8);
            var length = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes));
            Check(lengthBytes, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 8, 4)), file, at);
            var payload = bytes.AsSpan(at + 12, length);
            Check(payload, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 12 + length, 4)), file, at);
            events.Add(Event.Parser.ParseFrom(payload.ToArray()));
            at += 12 + length + 4;
        }
        return events;
    }

    private static void Check(ReadOnlySpan<byte> data, uint masked, string file, int at)
    {
        if (Masked(data) != masked)
        {
            throw new InvalidDataException($"{file}: bad CRC in the record at byte {at}");
        }
    }

    private static uint Masked(ReadOnlySpan<byte> data)
    {
        var crc = Crc32C(data);
        return ((crc >> 15) | (crc << 17)) + 0xa282ead8U;
    }

    private static uint Crc32C(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
            }
        }
        return ~crc;
    }
}
