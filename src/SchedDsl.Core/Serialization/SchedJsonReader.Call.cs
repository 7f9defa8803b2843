using System.Text.Json;
using SchedDsl.Parsing;
using SchedDsl.Text;

namespace SchedDsl.Serialization;

/// <summary>Reading a call: its arguments by parameter, the declaration's rules, then its factory.</summary>
internal sealed partial class SchedJsonReader
{
    /// <summary>
    /// The call the object at <paramref name="reader"/> makes (<see cref="Function"/> has read its <c>"fn"</c>), or null
    /// when it has a problem: every argument is still read and checked, and each problem reported.
    /// </summary>
    private Sched? Call(ref Utf8JsonReader reader, JsonFunction function, bool fnRead)
    {
        var spec = function.Spec!;
        var parameters = spec.Params;
        // The C# arguments in parameter order, as the factory takes them: a window above those of the calls this one is inside.
        var start = stacks.PushCall(parameters.Count);
        try
        {
            return Call(ref reader, function, fnRead, start);
        }
        finally
        {
            stacks.PopCall(start);
        }
    }

    /// <summary><see cref="Call(ref Utf8JsonReader, JsonFunction, bool)"/> with its arguments in the window at <paramref name="start"/>.</summary>
    private Sched? Call(ref Utf8JsonReader reader, JsonFunction function, bool fnRead, int start)
    {
        var spec = function.Spec!;
        var parameters = spec.Params;
        // The numbers the cross-argument rules read (Args), kept only when the declaration has such rules.
        var written = spec.Check is null ? null : new double[]?[parameters.Count];
        var given = 0UL;
        var complete = true;
        var next = 0;
        while (reader.TokenType == JsonTokenType.PropertyName)
        {
            switch (SkipFunctionKey(ref reader, ref fnRead))
            {
                case FunctionKeyUse.Skipped:
                    continue;
                case FunctionKeyUse.Twice:
                    return null;
            }
            var index = IndexOf(spec, ref reader, next);
            if (index >= 0 && (given & (1UL << index)) != 0)
            {
                ReportAt(parameters[index].Name, BindMessages.GivenTwice(spec.Name, parameters[index].Name));
                index = -1;
            }
            reader.Read();
            if (index < 0)
            {
                reader.Skip();
                reader.Read();
                complete = false;
                continue;
            }
            next = index + 1;
            given |= 1UL << index;
            places.Push(parameters[index].Name);
            var argument = Argument(ref reader, spec, index, written);
            stacks[start + index] = argument;
            places.Pop();
            complete &= argument is not null;
            reader.Read();
        }
        for (var i = 0; i < parameters.Count; i++)
        {
            if ((given & (1UL << i)) == 0)
            {
                stacks[start + i] = parameters[i].DefaultArgument;
                if (stacks[start + i] is null)
                {
                    Report(BindMessages.Required(spec, parameters[i]));
                    complete = false;
                }
            }
        }
        if (!complete)
        {
            // The cross-argument rules read every argument: with one missing or wrong they would only blame it twice.
            return null;
        }
        if (written is not null && spec.Check!(new Args(spec, written)) is { } problem)
        {
            Blame(spec, given, problem.BaseParameter, BindMessages.Problem(spec.Name, problem.Parameter, problem.Problem));
            return null;
        }
        try
        {
            return function.Custom is { } factory
                ? factory.Create((Hyper)stacks[start]!, (Hyper)stacks[start + 1]!)
                : stacks.Build(spec, start);
        }
        catch (SchedArgumentException error)
        {
            // Every declared rule ran above; what is left is structural (Sched.MaxDepth), or a user annealer's own check.
            Blame(spec, given, error.ParamName?.Split('[')[0] ?? "", error.Message);
            return null;
        }
    }

    /// <summary>
    /// The index of the parameter named at <paramref name="reader"/> (a property name), trying <paramref name="next"/>
    /// first (the writer writes them in order); -1 (reported) for a name the function does not have.
    /// </summary>
    private int IndexOf(FunctionSpec spec, ref Utf8JsonReader reader, int next)
    {
        var parameters = spec.Params;
        for (var j = 0; j < parameters.Count; j++)
        {
            var i = (next + j) % parameters.Count;
            if (reader.ValueTextEquals(parameters[i].Utf8Name))
            {
                return i;
            }
        }
        var name = reader.GetString()!;
        if (IsName(name))
        {
            ReportAt(name, BindMessages.NoParameter(spec, name));
        }
        else
        {
            Report($"'{name}' is not a parameter name of {spec.Name}");
        }
        return -1;
    }

    /// <summary>Reports at <paramref name="parameter"/>'s value when it was given, else at the call.</summary>
    private void Blame(FunctionSpec spec, ulong given, string parameter, string message)
    {
        var index = spec.IndexOf(parameter);
        if (index >= 0 && (given & (1UL << index)) != 0)
        {
            ReportAt(parameter, message);
        }
        else
        {
            Report(message);
        }
    }

    /// <summary>
    /// The C# value of the argument at <paramref name="reader"/> for parameter <paramref name="index"/>, checked by its
    /// rule; null (reported, and the value stepped over) when it has a problem.
    /// </summary>
    private object? Argument(ref Utf8JsonReader reader, FunctionSpec spec, int index, double[]?[]? written)
    {
        if (!Enter(ref reader))
        {
            return null;
        }
        var parameter = spec.Params[index];
        switch (parameter.Kind)
        {
            case ParamKind.Hyper:
                return Hyper(ref reader, spec.Name, parameter.Name, parameter.Rule, written, index);
            case ParamKind.Number:
            case ParamKind.Integer:
                if (!CheckedNumber(ref reader, spec.Name, parameter.Name, parameter.Rule, out var number))
                {
                    return null;
                }
                written?[index] = [number];
                return parameter.Kind == ParamKind.Integer ? (object)SchedArgs.ToInt(number) : number;
            case ParamKind.Numbers:
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    Report(BindMessages.NotNumbers(spec, parameter));
                    reader.Skip();
                    return null;
                }
                var list = NumberList(ref reader, spec.Name, parameter.Name, parameter.Rule, indexed: true);
                written?[index] = list;
                return list;
            case ParamKind.Sched:
                var part = Sched(ref reader);
                written?[index] = new double[1];
                return part;
            default:
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    Report(BindMessages.NotScheds(spec, parameter));
                    reader.Skip();
                    return null;
                }
                var scheds = Scheds(ref reader);
                written?[index] = scheds is null ? null : Args.Placeholders(scheds.Length);
                return scheds;
        }
    }

    /// <summary>The schedules of the list at <paramref name="reader"/>; null when any has a problem (every one is read and checked).</summary>
    private Sched[]? Scheds(ref Utf8JsonReader reader)
    {
        var start = stacks.PartsStart;
        var valid = true;
        places.Push(0);
        for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
        {
            places.SetIndex(i);
            if (Sched(ref reader) is { } part)
            {
                stacks.AddPart(part);
            }
            else
            {
                valid = false;
            }
        }
        places.Pop();
        var taken = stacks.TakeParts(start);
        return valid ? taken : null;
    }
}
