using SchedDsl.Text;

namespace SchedDsl;

/// <summary>
/// The adaptive layer of the text form: it binds the outer metric-driven calls (<c>plateau</c>, <c>greedy</c>, an
/// adaptive <c>combine</c>, <c>from_current</c>) by their declarations (<see cref="AdaptiveFunctions"/>) and hands
/// every planned part to the planned binder (<see cref="Sched.Build(SyntaxNode)"/>) unchanged, so the planned language knows
/// nothing of adaptive schedules.
/// </summary>
internal static class AdaptiveText
{
    /// <summary>True when <paramref name="node"/> is an adaptive schedule's syntax: an adaptive call, or a combine with an adaptive or from_current phase.</summary>
    public static bool IsAdaptive(SyntaxNode node) =>
        node is CallNode call && (AdaptiveFunctions.ByName.ContainsKey(call.Name)
            || (call.Name == AdaptiveFunctions.Combine.Name && call.Arguments.Any(a => a.Value is ListNode list && list.Items.Any(IsAdaptive))));

    /// <summary>Binds an adaptive schedule's syntax; a problem is thrown as a <see cref="TextErrorException"/>.</summary>
    public static AdaptiveSched Bind(SyntaxNode node)
    {
        var call = node as CallNode;
        if (call is null || !IsAdaptive(node) || call.Name == AdaptiveFunctions.FromCurrent.Name)
        {
            throw Error(node, "an adaptive schedule: plateau(…), greedy(…) or a combine with one of them",
                call?.Name == AdaptiveFunctions.FromCurrent.Name
                    ? "from_current(…) is a phase of an adaptive combine, after the phase it starts from"
                    : "this is a planned schedule; an adaptive one is plateau(…), greedy(…) or a combine with one of them as a phase");
        }
        var function = call.Name == AdaptiveFunctions.Combine.Name ? AdaptiveFunctions.Combine : AdaptiveFunctions.ByName[call.Name];
        var args = Place(call, function);
        try
        {
            return function == AdaptiveFunctions.Combine ? BindCombine(call, args) : BindRule(function, call, args);
        }
        catch (SchedArgumentException e)
        {
            var blamed = e.ParamName is { } name && function.IndexOf(name.Split('[')[0]) is var i and >= 0 && args[i] is { } arg ? arg : call;
            throw Error(blamed, "", e.Message);
        }
    }

    private static AdaptiveSched BindRule(FunctionSpec function, CallNode call, SyntaxNode?[] args)
    {
        // Every problem at once, as the planned binder reports them: the planned part's, then each argument's (at the
        // argument, or at the call for a default).
        var errors = new List<TextError>();
        var inner = Collect(errors, () => Planned(args[0] ?? throw Error(call, "a schedule", $"{function.Name}: sched is required")));
        var values = new double[]?[function.Params.Count];
        values[0] = new double[1];
        for (var i = 1; i < values.Length; i++)
        {
            var index = i;
            values[i] = args[i] is { } arg
                ? Collect(errors, () => new[] { Number(function, index, arg) })
                : [function.Params[i].Default!.Value];
        }
        // The declaration's rules on the numbers as written: the casts of Build then only see whole numbers in range.
        foreach (var problem in AdaptiveFunctions.Problems(function, values))
        {
            errors.Add(Error(args[function.IndexOf(problem.BaseParameter)] ?? call, "", BindMessages.Problem(function.Name, problem.Parameter, problem.Problem)).Error);
        }
        return errors.Count > 0 ? throw new TextErrorException([.. errors.OrderBy(e => e.Start)]) : AdaptiveFunctions.Build(function, inner!, Array.ConvertAll(values, v => v![0]));
    }

    private static AdaptiveSched BindCombine(CallNode call, SyntaxNode?[] args)
    {
        if (args[0] is not ListNode pcts || args[1] is not ListNode phases)
        {
            throw Error(args[0] is ListNode ? args[1] ?? call : args[0] ?? call, "a list", "combine: pcts and phases are lists: combine([0.1, 0.9], [lin(0, 1), plateau(1)])");
        }
        var errors = new List<TextError>();
        var numbers = pcts.Items.Select(item => Collect(errors, () => new[] { Number(AdaptiveFunctions.Combine, 0, item) })?[0] ?? double.NaN).ToArray();
        var parts = phases.Items.Select(phase => Collect(errors, () => Phase(phase))).ToArray();
        return errors.Count > 0 ? throw new TextErrorException([.. errors]) : AdaptiveSched.Combine(numbers, parts!);
    }

    /// <summary>The value <paramref name="bind"/> binds, or null with its problems added to <paramref name="errors"/>.</summary>
    private static T? Collect<T>(List<TextError> errors, Func<T> bind)
        where T : class
    {
        try
        {
            return bind();
        }
        catch (TextErrorException e)
        {
            errors.AddRange(e.Errors);
            return null;
        }
    }

    private static AdaptivePart Phase(SyntaxNode node)
    {
        if (node is CallNode { Name: var name } call && name == AdaptiveFunctions.FromCurrent.Name)
        {
            var args = Place(call, AdaptiveFunctions.FromCurrent);
            var shape = Planned(args[0] ?? throw Error(call, "a schedule", "from_current: sched is required"));
            try
            {
                return AdaptivePart.FromCurrent(shape);
            }
            catch (SchedArgumentException e)
            {
                throw Error(args[0]!, "", e.Message);
            }
        }
        return IsAdaptive(node) ? Bind(node) : Planned(node);
    }

    private static Sched Planned(SyntaxNode node)
    {
        if (IsAdaptive(node))
        {
            throw Error(node, "a planned schedule", "a metric-driven schedule cannot be nested inside another one's sched; make it a phase of a combine");
        }
        var (sched, errors) = Sched.Build(node);
        return sched ?? throw new TextErrorException(errors);
    }

    /// <summary>The call's arguments in parameter order (null where not given), positional first as the planned binder places them.</summary>
    private static SyntaxNode?[] Place(CallNode call, FunctionSpec function)
    {
        var placed = new SyntaxNode?[function.Params.Count];
        var position = 0;
        foreach (var argument in call.Arguments)
        {
            int index;
            if (argument.Name is { } name)
            {
                index = function.IndexOf(name);
                if (index < 0)
                {
                    throw Error(argument.Value, "a parameter name",
                        $"{function.Name} has no parameter '{name}'; it takes {string.Join(", ", function.Params.Select(p => p.Name))}");
                }
            }
            else
            {
                index = position++;
                if (index >= placed.Length)
                {
                    throw Error(argument.Value, "')'", $"{function.Name} takes at most {placed.Length} arguments, got {call.Arguments.Count}");
                }
            }
            if (placed[index] is not null)
            {
                throw Error(argument.Value, "another parameter", $"{function.Name}: {function.Params[index].Name} is given twice");
            }
            placed[index] = argument.Value;
        }
        return placed;
    }

    private static double Number(FunctionSpec function, int parameter, SyntaxNode node) =>
        node is NumberNode number ? number.Value : throw Error(node, "a number", $"{function.Name}: {function.Params[parameter].Name} must be a number");

    private static TextErrorException Error(SyntaxNode node, string expected, string message) =>
        new(new TextError(message, node.Start, node.Length, expected));
}
