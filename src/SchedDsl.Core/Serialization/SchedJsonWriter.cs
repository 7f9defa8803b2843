using System.Text.Json;

namespace SchedDsl.Serialization;

/// <summary>
/// Writes a schedule's JSON straight from its declared call (<see cref="SchedCall"/>): every argument named by its
/// parameter, defaults written out, so any declared function serializes without code of its own here.
/// </summary>
internal static class SchedJsonWriter
{
    public const string FunctionKey = "fn";

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
        writer.WriteString(FunctionKey, call.Function.Name);
        for (var i = 0; i < call.Arguments.Length; i++)
        {
            // Defaults are written out: a config then says every number it runs with.
            writer.WritePropertyName(call.Function.Params[i].Name);
            switch (call.Arguments[i])
            {
                case double number:
                    writer.WriteNumberValue(number);
                    break;
                case int number:
                    writer.WriteNumberValue(number);
                    break;
                case Hyper hyper:
                    Hyper(writer, hyper);
                    break;
                case IEnumerable<double> numbers:
                    Numbers(writer, numbers);
                    break;
                case IEnumerable<Sched> scheds:
                    writer.WriteStartArray();
                    foreach (var part in scheds)
                    {
                        Write(writer, part);
                    }
                    writer.WriteEndArray();
                    break;
            }
        }
        writer.WriteEndObject();
    }

    private static void Hyper(Utf8JsonWriter writer, Hyper value)
    {
        switch (value)
        {
            case ScalarHyper scalar:
                writer.WriteNumberValue(scalar.Value);
                break;
            case ListHyper list:
                Numbers(writer, list.Values);
                break;
            case SliceHyper slice:
                writer.WriteStartObject();
                writer.WriteString(FunctionKey, slice.Start is null && slice.Rule == SliceRule.FastaiV1 ? "slice_v1" : "slice");
                if (slice.Start is { } start)
                {
                    writer.WriteNumber("start", start);
                }
                writer.WriteNumber("stop", slice.Stop);
                writer.WriteEndObject();
                break;
        }
    }

    private static void Numbers(Utf8JsonWriter writer, IEnumerable<double> numbers)
    {
        writer.WriteStartArray();
        foreach (var number in numbers)
        {
            writer.WriteNumberValue(number);
        }
        writer.WriteEndArray();
    }
}
