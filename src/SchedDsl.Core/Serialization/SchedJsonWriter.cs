using System.Text.Json;
using SchedDsl.Collections;

namespace SchedDsl.Serialization;

/// <summary>
/// Writes a schedule's JSON straight from its declared call (<see cref="SchedCall"/>): every argument named by its
/// parameter, defaults written out, so any declared function serializes without code of its own here.
/// </summary>
internal static class SchedJsonWriter
{
    public const string FunctionKey = "fn";

    private static readonly JsonEncodedText Fn = JsonEncodedText.Encode(FunctionKey);
    private static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText Stop = JsonEncodedText.Encode("stop");
    private static readonly JsonEncodedText Slice = JsonEncodedText.Encode("slice");
    private static readonly JsonEncodedText SliceV1 = JsonEncodedText.Encode("slice_v1");

    public static void Write(Utf8JsonWriter writer, Sched sched)
    {
        switch (sched)
        {
            case ConstSched constant:
                Hyper(writer, constant.Value);
                break;
            case { Call: { } call }:
                Call(writer, call);
                break;
            default:
                throw new InvalidOperationException($"the schedule {sched} is an internal part with no JSON form");
        }
    }

    private static void Call(Utf8JsonWriter writer, SchedCall call)
    {
        writer.WriteStartObject();
        // Names as their UTF-8 bytes, encoded once by the declarations: nothing to transcode per write.
        writer.WriteString(Fn, call.Function.Utf8Name);
        for (var i = 0; i < call.Arguments.Length; i++)
        {
            // Defaults are written out: a config then says every number it runs with.
            writer.WritePropertyName(call.Function.Params[i].Utf8Name);
            switch (call.Arguments[i])
            {
                case double number:
                    JsonNumbers.Write(writer, number);
                    break;
                case int number:
                    writer.WriteNumberValue(number);
                    break;
                case Hyper hyper:
                    Hyper(writer, hyper);
                    break;
                case ValueArray<double> numbers:
                    Numbers(writer, numbers.AsSpan());
                    break;
                case Sched part:
                    Write(writer, part);
                    break;
                case ValueArray<Sched> scheds:
                    writer.WriteStartArray();
                    foreach (var part in scheds.AsSpan())
                    {
                        Write(writer, part);
                    }
                    writer.WriteEndArray();
                    break;
                case var other:
                    throw new InvalidOperationException($"{call.Function.Name}'s argument {other} has no JSON form");
            }
        }
        writer.WriteEndObject();
    }

    private static void Hyper(Utf8JsonWriter writer, Hyper value)
    {
        switch (value)
        {
            case ScalarHyper scalar:
                JsonNumbers.Write(writer, scalar.Value);
                break;
            case ListHyper list:
                Numbers(writer, list.Values.AsSpan());
                break;
            case SliceHyper slice:
                writer.WriteStartObject();
                writer.WriteString(Fn, slice.Start is null && slice.Rule == SliceRule.FastaiV1 ? SliceV1 : Slice);
                if (slice.Start is { } start)
                {
                    writer.WritePropertyName(Start);
                    JsonNumbers.Write(writer, start);
                }
                writer.WritePropertyName(Stop);
                JsonNumbers.Write(writer, slice.Stop);
                writer.WriteEndObject();
                break;
        }
    }

    private static void Numbers(Utf8JsonWriter writer, ReadOnlySpan<double> numbers)
    {
        writer.WriteStartArray();
        foreach (var number in numbers)
        {
            JsonNumbers.Write(writer, number);
        }
        writer.WriteEndArray();
    }
}
