using System.Text.Json;
using SchedDsl.Parsing;
using SchedDsl.Text;
using SchedDsl.Validation;

namespace SchedDsl.Serialization;

/// <summary>Reading a call: its arguments by parameter, the declaration's rules, then its factory.</summary>
internal sealed partial class SchedJsonReader
{
    /// <summary>The call the object at <paramref name="reader"/> makes; <see cref="Function"/> has read its <c>"fn"</c>.</summary>
    private Sched Call(ref Utf8JsonReader reader, JsonFunction function, bool fnRead)
    {
        var spec = function.Spec!;
        var parameters = spec.Params;
        // The C# arguments in parameter order, as the factory takes them; and the numbers the cross-argument rules
        // read (Args), kept only when the declaration has such rules.
        var arguments = new object?[parameters.Count];
        var written = spec.Check is null ? null : new double[]?[parameters.Count];
        var given = 0UL;
        var next = 0;
        while (reader.TokenType == JsonTokenType.PropertyName)
        {
            if (SkipFunctionKey(ref reader, ref fnRead))
            {
                continue;
            }
            var index = IndexOf(spec, ref reader, next);
            next = index + 1;
            var parameter = parameters[index];
            if ((given & (1UL << index)) != 0)
            {
                throw ErrorAt(parameter.Name, BindMessages.GivenTwice(spec.Name, parameter.Name));
            }
            given |= 1UL << index;
            reader.Read();
            places.Push(parameter.Name);
            arguments[index] = Argument(ref reader, spec, index, written, given);
            places.Pop();
            reader.Read();
        }
        for (var i = 0; i < arguments.Length; i++)
        {
            if ((given & (1UL << i)) != 0)
            {
                continue;
            }
            arguments[i] = parameters[i].DefaultArgument ?? throw Error(BindMessages.Required(spec, parameters[i]));
        }
        if (written is not null && spec.Check!(new Args(spec, written)) is { } problem)
        {
            throw Blame(spec, given, problem.BaseParameter, BindMessages.Problem(spec.Name, problem.Parameter, problem.Problem));
        }
        try
        {
            return function.Custom is { } factory
                ? factory.Create((Hyper)arguments[0]!, (Hyper)arguments[1]!)
                : Declared.AlreadyChecked(static state => Factories.Invoke(state.spec, state.arguments), (spec, arguments));
        }
        catch (SchedArgumentException error)
        {
            // Every declared rule ran above; what is left is structural (Sched.MaxDepth), or a user annealer's own check.
            throw Blame(spec, given, error.ParamName?.Split('[')[0] ?? "", error.Message);
        }
    }

    /// <summary>
    /// The index of the parameter named at <paramref name="reader"/> (a property name), trying <paramref name="next"/>
    /// first (the writer writes them in order); reports a name the function does not have.
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
        throw IsName(name)
            ? ErrorAt(name, BindMessages.NoParameter(spec, name))
            : Error($"'{name}' is not a parameter name of {spec.Name}");
    }

    /// <summary>An error at <paramref name="parameter"/>'s value when it was given, else at the call.</summary>
    private JsonException Blame(FunctionSpec spec, ulong given, string parameter, string message)
    {
        var index = spec.IndexOf(parameter);
        return index >= 0 && (given & (1UL << index)) != 0 ? ErrorAt(parameter, message) : Error(message);
    }

    /// <summary>The C# value of the argument at <paramref name="reader"/> for parameter <paramref name="index"/>, checked by its rule.</summary>
    private object Argument(ref Utf8JsonReader reader, FunctionSpec spec, int index, double[]?[]? written, ulong given)
    {
        Enter(ref reader);
        var parameter = spec.Params[index];
        switch (parameter.Kind)
        {
            case ParamKind.Hyper:
                var numbers = Hyper(ref reader, spec.Name, parameter.Name, parameter.Rule, out var form);
                written?[index] = numbers;
                try
                {
                    return SchedArgs.ToHyper(form, numbers);
                }
                catch (SchedArgumentException error)
                {
                    // A slice's own bounds (Hyper.Slice), blamed as the text builder blames them.
                    places.Pop();
                    var exception = Blame(spec, given, error.ParamName?.Split('[')[0] ?? "", error.Message);
                    places.Push(parameter.Name);
                    throw exception;
                }
            case ParamKind.Number:
            case ParamKind.Integer:
                var number = CheckedNumber(ref reader, spec.Name, parameter.Name, parameter.Rule);
                written?[index] = [number];
                return parameter.Kind == ParamKind.Integer ? (object)SchedArgs.ToInt(number) : number;
            case ParamKind.Numbers:
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw Error(BindMessages.NotNumbers(spec, parameter));
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
                    throw Error(BindMessages.NotScheds(spec, parameter));
                }
                var scheds = Scheds(ref reader);
                written?[index] = new double[scheds.Length];
                return scheds;
        }
    }

    /// <summary>The schedules of the list at <paramref name="reader"/>.</summary>
    private Sched[] Scheds(ref Utf8JsonReader reader)
    {
        var start = scheds.Count;
        places.Push(0);
        for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
        {
            places.SetIndex(i);
            scheds.Add(Sched(ref reader));
        }
        places.Pop();
        return TakeScheds(start);
    }
}
