using SchedDsl.Text;

namespace SchedDsl.Validation;

/// <summary>Runs a function's declared rules (<see cref="FunctionSpec.Validate"/>) on a factory's C# arguments.</summary>
internal static class Declared
{
    // Set while the text builder calls a factory whose arguments the binder has just checked against the same
    // declaration: that factory's own check is skipped (a third of building from text). Thread-local and reset by the
    // first check it meets, so factories the factory calls in turn still check theirs.
    [ThreadStatic]
    private static bool bound;

    /// <summary>Runs <paramref name="build"/>, a factory call on arguments the binder has checked, skipping its first <see cref="Check"/>.</summary>
    public static Sched AlreadyChecked<TState>(Func<TState, Sched> build, TState state)
    {
        bound = true;
        try
        {
            return build(state);
        }
        finally
        {
            bound = false;
        }
    }

    /// <summary>Throws the first problem with <paramref name="arguments"/>, given in <paramref name="function"/>'s parameter order.</summary>
    /// <exception cref="SchedArgumentException">An argument breaks a rule of the declaration.</exception>
    public static void Check(FunctionSpec function, params object?[] arguments)
    {
        if (bound)
        {
            bound = false;
            return;
        }
        if (Problem(function, arguments) is { } problem)
        {
            throw new SchedArgumentException(function.Name, problem.Parameter, problem.Problem);
        }
    }

    /// <summary>The first problem with <paramref name="arguments"/> (C# values in parameter order), or null.</summary>
    public static ArgProblem? Problem(FunctionSpec function, object?[] arguments)
    {
        // The checks only read the numbers: a Hyper's (fresh, or its list's own) array and a double[] go in as they are.
        var values = new double[]?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            values[i] = arguments[i] switch
            {
                Hyper hyper => hyper.Numbers.Shared,
                double number => [number],
                int number => [number],
                Sched => new double[1],
                IEnumerable<Sched> scheds => new double[scheds.Count()],
                double[] numbers => numbers,
                IEnumerable<double> numbers => [.. numbers],
                _ => throw new ArgumentNullException(function.Params[i].CSharpName),
            };
        }
        return function.Validate(values);
    }
}
