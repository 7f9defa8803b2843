using System.Text.Json;

namespace SchedDsl.Serialization;

/// <summary>
/// Writes an adaptive schedule's JSON in the shape of the planned one: a rule is
/// <c>{"fn":"plateau","sched":…,"factor":0.1,…}</c> with every parameter of its declaration (<see cref="AdaptiveFunctions"/>),
/// a phased one <c>{"fn":"combine","pcts":[…],"phases":[…]}</c>, a <c>from_current</c> phase
/// <c>{"fn":"from_current","sched":…}</c>; planned parts are written by <see cref="SchedJsonWriter"/>.
/// </summary>
internal static class AdaptiveJsonWriter
{
    private static readonly JsonEncodedText Fn = JsonEncodedText.Encode(SchedJsonWriter.FunctionKey);

    public static void Write(Utf8JsonWriter writer, AdaptiveSched sched)
    {
        switch (sched)
        {
            case RuleSched rule:
                var function = rule.Rule.Function;
                var arguments = rule.Rule.Arguments(rule.Every);
                writer.WriteStartObject();
                writer.WriteString(Fn, function.Utf8Name);
                writer.WritePropertyName(function.Params[0].Utf8Name);
                SchedJsonWriter.Write(writer, rule.Inner);
                for (var i = 0; i < arguments.Length; i++)
                {
                    writer.WritePropertyName(function.Params[i + 1].Utf8Name);
                    switch (arguments[i])
                    {
                        case int whole:
                            writer.WriteNumberValue(whole);
                            break;
                        case var number:
                            JsonNumbers.Write(writer, (double)number);
                            break;
                    }
                }
                writer.WriteEndObject();
                break;
            case PhasesSched phases:
                var combine = AdaptiveFunctions.Combine;
                writer.WriteStartObject();
                writer.WriteString(Fn, combine.Utf8Name);
                writer.WriteStartArray(combine.Params[0].Utf8Name);
                foreach (var pct in phases.Pcts.AsSpan())
                {
                    JsonNumbers.Write(writer, pct);
                }
                writer.WriteEndArray();
                writer.WriteStartArray(combine.Params[1].Utf8Name);
                foreach (var part in phases.Parts.AsSpan())
                {
                    Write(writer, part);
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException($"the adaptive schedule {sched} has no JSON form");
        }
    }

    private static void Write(Utf8JsonWriter writer, AdaptivePart part)
    {
        if (part.Adaptive is { } adaptive)
        {
            Write(writer, adaptive);
        }
        else if (part.IsFromCurrent)
        {
            var function = AdaptiveFunctions.FromCurrent;
            writer.WriteStartObject();
            writer.WriteString(Fn, function.Utf8Name);
            writer.WritePropertyName(function.Params[0].Utf8Name);
            SchedJsonWriter.Write(writer, part.Planned!);
            writer.WriteEndObject();
        }
        else
        {
            SchedJsonWriter.Write(writer, part.Planned!);
        }
    }
}
