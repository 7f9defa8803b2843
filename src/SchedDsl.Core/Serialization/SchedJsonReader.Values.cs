using System.Text.Json;
using SchedDsl.Parsing;
using SchedDsl.Text;

namespace SchedDsl.Serialization;

/// <summary>
/// Reading numbers, lists of numbers and slices, each checked by the rule of the parameter they are given to. A value
/// with a problem is reported, stepped over (the reader left on its last token, as after a good one) and comes back null.
/// </summary>
internal sealed partial class SchedJsonReader
{
    /// <summary>
    /// The per-group value at <paramref name="reader"/> (entered already): a number, a non-empty list of numbers, or a
    /// slice object; null when it has a problem (reported). When <paramref name="written"/> is given, the numbers as
    /// written go to its entry <paramref name="index"/>, for the cross-argument rules; a bare number, nearly every
    /// value, otherwise needs no array.
    /// </summary>
    private SchedDsl.Hyper? Hyper(ref Utf8JsonReader reader, string function, string parameter, Rule rule, double[]?[]? written = null, int index = 0)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (!CheckedNumber(ref reader, function, parameter, rule, out var number))
                {
                    return null;
                }
                written?[index] = [number];
                return number;
            case JsonTokenType.StartArray:
                var list = NumberList(ref reader, function, parameter, rule, indexed: false);
                if (list is { Length: 0 })
                {
                    Report(BindMessages.NotAHyper(function, parameter));
                    return null;
                }
                written?[index] = list;
                return list is null ? null : SchedArgs.ToHyper(HyperForm.List, list);
            default:
                if (Function(ref reader, out var fnRead) is not { } named)
                {
                    SkipRest(ref reader);
                    return null;
                }
                if (named.Kind is not (JsonFunctionKind.Slice or JsonFunctionKind.SliceV1))
                {
                    Report(BindMessages.NotAHyper(function, parameter));
                    SkipRest(ref reader);
                    return null;
                }
                var slice = Slice(ref reader, named.Kind == JsonFunctionKind.SliceV1, fnRead, function, parameter, rule, out var form);
                written?[index] = slice;
                // Checked already, a slice's own rules included (SliceRules): building it cannot fail.
                return slice is null ? null : SchedArgs.ToHyper(form, slice);
        }
    }

    /// <summary>
    /// The number at <paramref name="reader"/> (entered already), under <paramref name="rule"/>; a problem names it
    /// <c>parameter[item]</c> when <paramref name="item"/> is set (an item of a list-of-numbers parameter), spelt out
    /// only then. False (reported, and a list or object there stepped over) when it has a problem.
    /// </summary>
    private bool CheckedNumber(ref Utf8JsonReader reader, string function, string parameter, Rule rule, out double value, int item = -1)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            Report(BindMessages.NotANumber(function, BindMessages.Item(parameter, item)));
            reader.Skip();
            value = 0;
            return false;
        }
        value = Number(ref reader);
        if (Rules.Problem(value, rule) is { } problem)
        {
            Report(BindMessages.Problem(function, BindMessages.Item(parameter, item), problem));
            return false;
        }
        return true;
    }


    /// <summary>
    /// The numbers of the list at <paramref name="reader"/>, each under <paramref name="rule"/>; an item's problem names
    /// it <c>parameter[i]</c> when <paramref name="indexed"/> (a list-of-numbers parameter), else <c>parameter</c> (a
    /// per-group list). Null when any item has a problem: every item is checked, and each problem reported.
    /// </summary>
    private double[]? NumberList(ref Utf8JsonReader reader, string function, string parameter, Rule rule, bool indexed)
    {
        var count = 0;
        var valid = true;
        places.Push(0);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            places.SetIndex(count);
            var number = 0.0;
            valid &= Enter(ref reader) && CheckedNumber(ref reader, function, parameter, rule, out number, indexed ? count : -1);
            stacks.SetNumber(count++, number);
        }
        places.Pop();
        return valid ? stacks.TakeNumbers(count) : null;
    }

    /// <summary>
    /// The numbers of the slice object at <paramref name="reader"/> (after its <c>"fn"</c>): <c>[stop]</c> or
    /// <c>[start, stop]</c>, under the slice's rules (<see cref="SliceRules"/>) for <paramref name="parameter"/>; null
    /// when it has a problem (reported; the reader is then on the object's <c>}</c>, as after a good one).
    /// </summary>
    private double[]? Slice(
        ref Utf8JsonReader reader, bool v1, bool fnRead, string function, string parameter, Rule rule, out HyperForm form)
    {
        var name = v1 ? "slice_v1" : "slice";
        form = v1 ? HyperForm.SliceV1 : HyperForm.Slice;
        double start = 0, stop = 0;
        bool hasStart = false, hasStop = false, valid = true;
        while (reader.TokenType == JsonTokenType.PropertyName)
        {
            switch (SkipFunctionKey(ref reader, ref fnRead))
            {
                case FunctionKeyUse.Skipped:
                    continue;
                case FunctionKeyUse.Twice:
                    return null;
            }
            var isStart = reader.ValueTextEquals("start"u8);
            var key = isStart ? "start" : "stop";
            if (!isStart && !reader.ValueTextEquals("stop"u8))
            {
                var other = reader.GetString()!;
                if (IsName(other))
                {
                    ReportAt(other, $"{name} has no parameter '{other}'; its parameters are start, stop");
                }
                else
                {
                    Report($"'{other}' is not a parameter name of {name}");
                }
                key = null;
            }
            else if (isStart ? hasStart : hasStop)
            {
                // Not read as slice(first, second): that would silently change the meaning.
                ReportAt(key, BindMessages.GivenTwice(name, key));
                key = null;
            }
            reader.Read();
            if (key is null)
            {
                reader.Skip();
                reader.Read();
                valid = false;
                continue;
            }
            places.Push(key);
            if (Enter(ref reader) && reader.TokenType != JsonTokenType.Number)
            {
                Report(BindMessages.NotANumber(name, "value"));
                reader.Skip();
                valid = false;
            }
            // Read as written: every rule on them, finiteness included, is the slice's (SliceRules, as Hyper.Slice runs it).
            var value = reader.TokenType == JsonTokenType.Number ? Number(ref reader) : double.NaN;
            valid &= reader.TokenType == JsonTokenType.Number;
            places.Pop();
            _ = isStart ? (start, hasStart) = (value, true) : (stop, hasStop) = (value, true);
            reader.Read();
        }
        if (!hasStop)
        {
            // slice(x) means stop = x: taking a lone "start" as the stop would silently change its meaning.
            Report($"{name} needs \"stop\" (\"start\" alone is not a slice), e.g. {{\"{SchedJsonWriter.FunctionKey}\":\"{name}\",\"stop\":0.01}}");
            return null;
        }
        if (v1 && hasStart)
        {
            Report(BindMessages.SliceArity(name, v1));
            return null;
        }
        if (!valid)
        {
            return null;
        }
        double[] written = hasStart ? [start, stop] : [stop];
        if (SliceRules.Problem(written, name, function, parameter, rule, out var blamed) is { } problem)
        {
            ReportAt(hasStart && blamed == 0 ? "start" : "stop", problem);
            return null;
        }
        return SliceRules.DropsStart(written) ? [stop] : written;
    }
}
