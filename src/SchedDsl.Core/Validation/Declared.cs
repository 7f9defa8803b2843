using SchedDsl.Text;

namespace SchedDsl.Validation;

/// <summary>Runs a function's declared rules (<see cref="FunctionSpec.Validate"/>) on a factory's C# arguments.</summary>
internal static class Declared
{
    /// <summary>Throws the first problem with <paramref name="arguments"/>, given in <paramref name="function"/>'s parameter order.</summary>
    /// <exception cref="SchedArgumentException">An argument breaks a rule of the declaration.</exception>
    public static void Check(FunctionSpec function, params object?[] arguments)
    {
        var values = new double[]?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            values[i] = arguments[i] switch
            {
                Hyper hyper => [.. hyper.Numbers],
                double number => [number],
                int number => [number],
                IEnumerable<Sched> scheds => new double[scheds.Count()],
                IEnumerable<double> numbers => [.. numbers],
                _ => throw new ArgumentNullException(function.Params[i].CSharpName),
            };
        }
        if (function.Validate(values) is { } problem)
        {
            throw new SchedArgumentException(function.Name, problem.Parameter, problem.Problem);
        }
    }
}
