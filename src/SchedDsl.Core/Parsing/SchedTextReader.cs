using SchedDsl.Text;

namespace SchedDsl.Parsing;

/// <summary>
/// Reads valid schedule text in one pass, straight into the arguments of the factories its calls name, as
/// <see cref="Serialization.SchedJsonReader"/> reads JSON: no syntax tree, no bound tree, no array per call. A long
/// combine then allocates little more than the schedule it returns, which is what keeps its cost per part flat as it
/// grows (issue 22, item 5; docs/benchmarks.md, section 7).
/// </summary>
/// <remarks>
/// It accepts valid text only. At the first thing it does not take (a syntax error, a value outside its rule, a
/// function it does not know, a user annealer, a factory's refusal) it gives up, and <see cref="Sched.Parse"/> reads
/// the text again with <see cref="SchedBinder"/>, which reports every problem with its place: the messages have one
/// source. Both read the grammar with <see cref="SyntaxParser"/>'s scanners, check the declarations' rules and call the
/// same factories; a property test holds them to the same answer on valid, mutated and random text. The state is
/// reused per thread, so a valid text allocates what it builds.
/// </remarks>
internal sealed class SchedTextReader
{
    private static readonly Dictionary<string, FunctionSpec>.AlternateLookup<ReadOnlySpan<char>> Functions =
        new Dictionary<string, FunctionSpec>(FunctionTable.All, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    [ThreadStatic]
    private static SchedTextReader? cached;

    private string text = "";
    private int position;
    private int depth;

    private readonly ReaderStacks stacks = new();

    /// <summary>The schedule <paramref name="text"/> describes, or null when it has any problem (or names a user annealer).</summary>
    public static Sched? TryRead(string text)
    {
        // Taken while in use, so that a reentrant call gets a state of its own.
        var state = cached ?? new SchedTextReader();
        cached = null;
        state.text = text;
        state.position = 0;
        state.depth = 0;
        try
        {
            var sched = state.Sched();
            return sched is not null && SyntaxParser.SkipSpace(text, state.position) == text.Length ? sched : null;
        }
        catch (SchedArgumentException)
        {
            // A factory's refusal that no declared rule states (Sched.MaxDepth): the binder reports it at its place.
            return null;
        }
        finally
        {
            state.stacks.Clear();
            state.text = "";
            cached = state;
        }
    }

    /// <summary>A schedule: a call, or a number, list or slice as a constant.</summary>
    private Sched? Sched()
    {
        if (!Enter())
        {
            return null;
        }
        try
        {
            if (position < text.Length && SyntaxParser.IsNameStart(text[position]))
            {
                var end = SyntaxParser.NameEnd(text, position);
                var name = text.AsSpan(position, end - position);
                if (!IsSlice(name))
                {
                    return Functions.TryGetValue(name, out var spec) ? Call(spec, end) : null;
                }
            }
            return Hyper("const", "value", Rule.Finite) is { } value ? SchedDsl.Sched.Const(value) : null;
        }
        finally
        {
            depth--;
        }
    }

    /// <summary>The call of <paramref name="spec"/> whose name ends at <paramref name="nameEnd"/>.</summary>
    private Sched? Call(FunctionSpec spec, int nameEnd)
    {
        position = SyntaxParser.SkipSpace(text, nameEnd);
        if (Peek() != '(')
        {
            return null;
        }
        position++;
        var start = stacks.PushCall(spec.Params.Count);
        try
        {
            return Arguments(spec, start);
        }
        finally
        {
            stacks.PopCall(start);
        }
    }

    /// <summary>The call's arguments placed Python's way into its window at <paramref name="start"/>, checked, then its factory.</summary>
    private Sched? Arguments(FunctionSpec spec, int start)
    {
        var parameters = spec.Params;
        // The numbers the cross-argument rules read (Args), kept only when the declaration has such rules.
        var written = spec.Check is null ? null : new double[]?[parameters.Count];
        var given = 0UL;
        var positional = 0;
        var named = false;
        position = SyntaxParser.SkipSpace(text, position);
        if (Peek() == ')')
        {
            position++;
        }
        else
        {
            while (true)
            {
                var index = Place(spec, ref positional, ref named);
                if (index < 0 || (given & (1UL << index)) != 0)
                {
                    return null;
                }
                given |= 1UL << index;
                if (Argument(spec, index, written) is not { } argument)
                {
                    return null;
                }
                stacks[start + index] = argument;
                position = SyntaxParser.SkipSpace(text, position);
                var c = Peek();
                position++;
                if (c == ')')
                {
                    break;
                }
                if (c != ',')
                {
                    return null;
                }
            }
        }
        for (var i = 0; i < parameters.Count; i++)
        {
            if ((given & (1UL << i)) == 0)
            {
                if (parameters[i].DefaultArgument is not { } defaultArgument)
                {
                    return null;
                }
                stacks[start + i] = defaultArgument;
            }
        }
        if (written is not null && spec.Check!(new Args(spec, written)) is not null)
        {
            return null;
        }
        return stacks.Build(spec, start);
    }

    /// <summary>
    /// The parameter the argument at the reader takes (a <c>name=</c> read past), or -1: an unknown name, a positional
    /// argument after a named one or past the last parameter.
    /// </summary>
    private int Place(FunctionSpec spec, ref int positional, ref bool named)
    {
        position = SyntaxParser.SkipSpace(text, position);
        if (position < text.Length && SyntaxParser.IsNameStart(text[position]))
        {
            var end = SyntaxParser.NameEnd(text, position);
            var equals = SyntaxParser.SkipSpace(text, end);
            if (equals < text.Length && text[equals] == '=')
            {
                var index = IndexOf(spec, text.AsSpan(position, end - position));
                position = equals + 1;
                named = true;
                return index;
            }
        }
        return named || positional >= spec.Params.Count ? -1 : positional++;
    }

    /// <summary>The C# value of the argument at the reader for parameter <paramref name="index"/>, checked by its rule.</summary>
    private object? Argument(FunctionSpec spec, int index, double[]?[]? written)
    {
        var parameter = spec.Params[index];
        switch (parameter.Kind)
        {
            case ParamKind.Hyper:
                return Hyper(spec.Name, parameter.Name, parameter.Rule, written, index);
            case ParamKind.Number:
            case ParamKind.Integer:
                if (!Fits() || !Number(parameter.Rule, out var number))
                {
                    return null;
                }
                written?[index] = [number];
                return parameter.Kind == ParamKind.Integer ? (object)SchedArgs.ToInt(number) : number;
            case ParamKind.Numbers:
                var list = NumberList(parameter.Rule);
                written?[index] = list;
                return list;
            case ParamKind.Sched:
                written?[index] = Args.Placeholders(1);
                return Sched();
            default:
                var parts = SchedList();
                written?[index] = parts is null ? null : Args.Placeholders(parts.Length);
                return parts;
        }
    }

    /// <summary>A per-group value: a number, a non-empty list of numbers, or a slice, under <paramref name="rule"/>.</summary>
    private Hyper? Hyper(string function, string parameter, Rule rule, double[]?[]? written = null, int index = 0)
    {
        if (!Fits())
        {
            return null;
        }
        position = SyntaxParser.SkipSpace(text, position);
        if (Peek() == '[')
        {
            var list = NumberList(rule);
            written?[index] = list;
            return list is { Length: > 0 } ? SchedArgs.ToHyper(HyperForm.List, list) : null;
        }
        if (position < text.Length && SyntaxParser.IsNameStart(text[position]))
        {
            var end = SyntaxParser.NameEnd(text, position);
            var name = text.AsSpan(position, end - position);
            if (!IsSlice(name))
            {
                return null;
            }
            var v1 = name is "slice_v1";
            position = end;
            var slice = Slice(v1, function, parameter, rule);
            written?[index] = slice;
            return slice is null ? null : SchedArgs.ToHyper(v1 ? HyperForm.SliceV1 : HyperForm.Slice, slice);
        }
        if (!Number(rule, out var number))
        {
            return null;
        }
        written?[index] = [number];
        return number;
    }

    /// <summary>A slice's numbers after its name (<c>(stop)</c> or <c>(start, stop)</c>; one only for v1), checked by <see cref="SliceRules"/>.</summary>
    private double[]? Slice(bool v1, string function, string parameter, Rule rule)
    {
        position = SyntaxParser.SkipSpace(text, position);
        if (Peek() != '(' || !Enter())
        {
            return null;
        }
        try
        {
            position++;
            double second = 0;
            if (!Fits() || !ScannedNumber(out var first))
            {
                return null;
            }
            position = SyntaxParser.SkipSpace(text, position);
            var count = 1;
            if (!v1 && Peek() == ',')
            {
                position++;
                if (!Fits() || !ScannedNumber(out second))
                {
                    return null;
                }
                count = 2;
                position = SyntaxParser.SkipSpace(text, position);
            }
            if (Peek() != ')')
            {
                return null;
            }
            position++;
            // Read as written: every rule on them, finiteness included, is the slice's (SliceRules, as Hyper.Slice runs it).
            var written = count == 1 ? [first] : new[] { first, second };
            if (SliceRules.Problem(written, v1 ? "slice_v1" : "slice", function, parameter, rule, out _) is not null)
            {
                return null;
            }
            return SliceRules.DropsStart(written) ? [second] : written;
        }
        finally
        {
            depth--;
        }
    }

    /// <summary>A list of numbers, each under <paramref name="rule"/> (empty is allowed).</summary>
    private double[]? NumberList(Rule rule)
    {
        switch (OpenList())
        {
            case null:
                return null;
            case true:
                return [];
        }
        try
        {
            var count = 0;
            while (true)
            {
                if (!Fits() || !Number(rule, out var number))
                {
                    return null;
                }
                stacks.SetNumber(count++, number);
                if (End(']') is not { } closed)
                {
                    return null;
                }
                if (closed)
                {
                    return stacks.TakeNumbers(count);
                }
            }
        }
        finally
        {
            depth--;
        }
    }

    /// <summary>A list of schedules.</summary>
    private Sched[]? SchedList()
    {
        switch (OpenList())
        {
            case null:
                return null;
            case true:
                return [];
        }
        try
        {
            var start = stacks.PartsStart;
            while (true)
            {
                if (Sched() is not { } part)
                {
                    return null;
                }
                stacks.AddPart(part);
                if (End(']') is not { } closed)
                {
                    return null;
                }
                if (closed)
                {
                    return stacks.TakeParts(start);
                }
            }
        }
        finally
        {
            depth--;
        }
    }

    /// <summary>
    /// Enters the list at the reader, one level deeper: null when there is none (or it nests too deep), true when it is
    /// empty (then read, and left), false when items follow (the caller leaves it).
    /// </summary>
    private bool? OpenList()
    {
        position = SyntaxParser.SkipSpace(text, position);
        if (Peek() != '[' || !Enter())
        {
            return null;
        }
        position = SyntaxParser.SkipSpace(text, position + 1);
        if (Peek() != ']')
        {
            return false;
        }
        position++;
        depth--;
        return true;
    }

    /// <summary>After a list's item: true past its <paramref name="close"/>, false past a comma, null for anything else.</summary>
    private bool? End(char close)
    {
        position = SyntaxParser.SkipSpace(text, position);
        var c = Peek();
        position++;
        return c == close ? true : c == ',' ? false : null;
    }

    /// <summary>The number at the reader, under <paramref name="rule"/>.</summary>
    private bool Number(Rule rule, out double value) => ScannedNumber(out value) && Rules.Problem(value, rule) is null;

    /// <summary>The number at the reader, as written (finite).</summary>
    private bool ScannedNumber(out double value)
    {
        position = SyntaxParser.SkipSpace(text, position);
        return SyntaxParser.ScanNumber(text, position, out position, out value) == SyntaxParser.NumberScan.Number;
    }

    /// <summary>The index of the parameter named <paramref name="name"/>, or -1.</summary>
    private static int IndexOf(FunctionSpec spec, ReadOnlySpan<char> name)
    {
        for (var i = 0; i < spec.Params.Count; i++)
        {
            if (name.SequenceEqual(spec.Params[i].Name))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// One level deeper, where the syntax parser counts one (each value, list item and argument); false past its limit,
    /// which the parser then reports. Counted at least as often as the parser counts, so this reader never accepts what
    /// it refuses.
    /// </summary>
    private bool Enter()
    {
        position = SyntaxParser.SkipSpace(text, position);
        return ++depth <= SyntaxParser.MaxDepth;
    }

    /// <summary>Whether a value one level deeper (a number, which holds nothing) is within the parser's limit.</summary>
    private bool Fits() => depth < SyntaxParser.MaxDepth;

    private char Peek() => position < text.Length ? text[position] : '\0';

    private static bool IsSlice(ReadOnlySpan<char> name) => name is "slice" or "slice_v1";
}
