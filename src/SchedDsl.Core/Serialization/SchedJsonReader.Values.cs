using System.Text.Json;
using SchedDsl.Text;

namespace SchedDsl.Serialization;

/// <summary>Reading numbers, lists of numbers and slices, each checked by the rule of the parameter they are given to.</summary>
internal sealed partial class SchedJsonReader
{
    /// <summary>
    /// The numbers of the per-group value at <paramref name="reader"/> (entered already) and how it is written: a
    /// number, a non-empty list of numbers, or a slice object.
    /// </summary>
    private double[] Hyper(ref Utf8JsonReader reader, string function, string parameter, Rule rule, out HyperForm form)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                form = HyperForm.Scalar;
                return [CheckedNumber(ref reader, function, parameter, rule)];
            case JsonTokenType.StartArray:
                form = HyperForm.List;
                var list = NumberList(ref reader, function, parameter, rule, indexed: false);
                return list.Length > 0 ? list : throw Error(BindMessages.NotAHyper(function, parameter));
            default:
                var named = Function(ref reader, out var fnRead);
                if (named.Kind is not (JsonFunctionKind.Slice or JsonFunctionKind.SliceV1))
                {
                    throw Error(BindMessages.NotAHyper(function, parameter));
                }
                return Slice(ref reader, named.Kind == JsonFunctionKind.SliceV1, fnRead, function, parameter, rule, out form);
        }
    }

    /// <summary>
    /// The number at <paramref name="reader"/> (entered already), under <paramref name="rule"/>; a problem names it
    /// <c>parameter[item]</c> when <paramref name="item"/> is set (an item of a list-of-numbers parameter), spelt out only then.
    /// </summary>
    private double CheckedNumber(ref Utf8JsonReader reader, string function, string parameter, Rule rule, int item = -1)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw Error(BindMessages.NotANumber(function, Item(parameter, item)));
        }
        var value = Number(ref reader);
        return Rules.Problem(value, rule) is { } problem ? throw Error(BindMessages.Problem(function, Item(parameter, item), problem)) : value;
    }

    private static string Item(string parameter, int item) => item < 0 ? parameter : $"{parameter}[{item}]";

    /// <summary>
    /// The numbers of the list at <paramref name="reader"/>, each under <paramref name="rule"/>; an item's problem names
    /// it <c>parameter[i]</c> when <paramref name="indexed"/> (a list-of-numbers parameter), else <c>parameter</c> (a per-group list).
    /// </summary>
    private double[] NumberList(ref Utf8JsonReader reader, string function, string parameter, Rule rule, bool indexed)
    {
        var count = 0;
        places.Push(0);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            places.SetIndex(count);
            Enter(ref reader);
            if (count == numbers.Length)
            {
                Array.Resize(ref numbers, 2 * count);
            }
            numbers[count] = CheckedNumber(ref reader, function, parameter, rule, indexed ? count : -1);
            count++;
        }
        places.Pop();
        return numbers.AsSpan(0, count).ToArray();
    }

    /// <summary>
    /// The numbers of the slice object at <paramref name="reader"/> (after its <c>"fn"</c>): <c>[stop]</c> or
    /// <c>[start, stop]</c>, under the slice's rules (<see cref="SliceRules"/>) for <paramref name="parameter"/>.
    /// </summary>
    private double[] Slice(
        ref Utf8JsonReader reader, bool v1, bool fnRead, string function, string parameter, Rule rule, out HyperForm form)
    {
        var name = v1 ? "slice_v1" : "slice";
        double start = 0, stop = 0;
        bool hasStart = false, hasStop = false;
        while (reader.TokenType == JsonTokenType.PropertyName)
        {
            if (SkipFunctionKey(ref reader, ref fnRead))
            {
                continue;
            }
            var isStart = reader.ValueTextEquals("start"u8);
            if (!isStart && !reader.ValueTextEquals("stop"u8))
            {
                var other = reader.GetString()!;
                throw IsName(other)
                    ? ErrorAt(other, $"{name} has no parameter '{other}'; its parameters are start, stop")
                    : Error($"'{other}' is not a parameter name of {name}");
            }
            var key = isStart ? "start" : "stop";
            if (isStart ? hasStart : hasStop)
            {
                // Not read as slice(first, second): that would silently change the meaning.
                throw ErrorAt(key, BindMessages.GivenTwice(name, key));
            }
            reader.Read();
            places.Push(key);
            Enter(ref reader);
            if (reader.TokenType != JsonTokenType.Number)
            {
                throw Error(BindMessages.NotANumber(name, "value"));
            }
            // Read as written: every rule on them, finiteness included, is the slice's (SliceRules, as Hyper.Slice runs it).
            var value = Number(ref reader);
            places.Pop();
            _ = isStart ? (start, hasStart) = (value, true) : (stop, hasStop) = (value, true);
            reader.Read();
        }
        if (!hasStop)
        {
            // slice(x) means stop = x: taking a lone "start" as the stop would silently change its meaning.
            throw Error($"{name} needs \"stop\" (\"start\" alone is not a slice), e.g. {{\"{SchedJsonWriter.FunctionKey}\":\"{name}\",\"stop\":0.01}}");
        }
        if (v1 && hasStart)
        {
            throw Error(BindMessages.SliceArity(name, v1));
        }
        double[] written = hasStart ? [start, stop] : [stop];
        if (SliceRules.Problem(written, name, function, parameter, rule, out var blamed) is { } problem)
        {
            throw ErrorAt(hasStart && blamed == 0 ? "start" : "stop", problem);
        }
        form = v1 ? HyperForm.SliceV1 : HyperForm.Slice;
        return SliceRules.DropsStart(written) ? [stop] : written;
    }
}
