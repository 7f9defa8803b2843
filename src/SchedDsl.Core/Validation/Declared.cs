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
    public static void Check(FunctionSpec function, params ReadOnlySpan<object?> arguments)
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

    // The numbers a check reads, kept per thread: building a schedule is then no longer mostly its own check's
    // garbage (issue 22, item 5: a 10,000-part combine built in C# allocated twice what it kept). The checks only read
    // them during the call, and no user code runs inside one, so nothing sees them reused.
    [ThreadStatic]
    private static Scratch? cached;

    /// <summary>The first problem with <paramref name="arguments"/> (C# values in parameter order), or null.</summary>
    public static ArgProblem? Problem(FunctionSpec function, ReadOnlySpan<object?> arguments)
    {
        // Taken while in use: a check that builds a schedule in turn gets a scratch of its own.
        var scratch = cached is { } reused && reused.Values.Length >= arguments.Length ? reused : new Scratch(arguments.Length);
        cached = null;
        var values = scratch.Values;
        try
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                values[i] = arguments[i] switch
                {
                    ScalarHyper scalar => scratch.Scalar(i, scalar.Value),
                    double number => scratch.Scalar(i, number),
                    int number => scratch.Scalar(i, number),
                    // A list's or slice's own numbers, as they are.
                    Hyper hyper => hyper.Numbers.Shared,
                    Sched => scratch.Scalar(i, 0),
                    IReadOnlyCollection<Sched> scheds => Args.Placeholders(scheds.Count),
                    IEnumerable<Sched> scheds => Args.Placeholders(scheds.Count()),
                    double[] numbers => numbers,
                    IEnumerable<double> numbers => [.. numbers],
                    _ => throw new ArgumentNullException(function.Params[i].CSharpName),
                };
            }
            return function.Validate(values);
        }
        finally
        {
            values.AsSpan().Clear();
            cached = scratch;
        }
    }

    /// <summary>One entry per parameter for <see cref="FunctionSpec.Validate"/>, and a one-number array per parameter for scalars.</summary>
    private sealed class Scratch(int parameters)
    {
        private readonly double[][] scalars = [.. Enumerable.Range(0, Math.Max(16, parameters)).Select(_ => new double[1])];

        public double[]?[] Values { get; } = new double[]?[Math.Max(16, parameters)];

        /// <summary>Parameter <paramref name="index"/>'s one-number array, holding <paramref name="value"/>.</summary>
        public double[] Scalar(int index, double value)
        {
            scalars[index][0] = value;
            return scalars[index];
        }
    }
}
