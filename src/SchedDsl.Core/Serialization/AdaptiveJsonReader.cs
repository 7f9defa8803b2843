using System.Text.Json;
using SchedDsl.Text;

namespace SchedDsl.Serialization;

/// <summary>
/// Reads an adaptive schedule's JSON (<see cref="AdaptiveJsonWriter"/>'s shape): the metric-driven calls by their
/// declarations (<see cref="AdaptiveFunctions"/>), every planned part by the planned reader (<see cref="SchedJson.Read"/>),
/// whose paths are re-rooted at the part's place. Every problem is reported, each with its JSON path, in one
/// <see cref="JsonException"/>, as the planned reader does.
/// </summary>
/// <remarks>
/// A <see cref="JsonDocument"/> is used: an adaptive schedule is read once per fit or checkpoint, not in a hot path,
/// and the document bounds the nesting (<see cref="SyntaxParser.MaxDepth"/>) before the recursion here walks it.
/// </remarks>
internal sealed class AdaptiveJsonReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 2 * SyntaxParser.MaxDepth };

    private readonly List<string> problems = [];

    public static AdaptiveSched Read(string json)
    {
        using var document = JsonDocument.Parse(json, Options);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.String)
        {
            try
            {
                return AdaptiveSched.Parse(root.GetString()!);
            }
            catch (SchedParseException error)
            {
                throw new JsonException($"$: the schedule text {error.Message}", error);
            }
        }
        var reader = new AdaptiveJsonReader();
        var sched = reader.Adaptive(root, "$");
        return reader.problems.Count > 0 ? throw new JsonException(string.Join("\n", reader.problems)) : sched!;
    }

    /// <summary>The metric-driven function <paramref name="element"/> calls: plateau, greedy, or a combine with <c>phases</c>; null for anything else.</summary>
    private static FunctionSpec? AdaptiveFunction(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(SchedJsonWriter.FunctionKey, out var fn) || fn.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        var name = fn.GetString()!;
        return name == AdaptiveFunctions.Combine.Name
            ? element.TryGetProperty(AdaptiveFunctions.Combine.Params[1].Name, out _) ? AdaptiveFunctions.Combine : null
            : AdaptiveFunctions.ByName.TryGetValue(name, out var spec) ? spec : null;
    }

    private AdaptiveSched? Adaptive(JsonElement element, string path)
    {
        var function = AdaptiveFunction(element);
        if (function is null || function == AdaptiveFunctions.FromCurrent)
        {
            Report(path, function is null
                ? "expected an adaptive schedule: an object with \"fn\" plateau, greedy, or combine with \"phases\"; a planned schedule is read by SchedJson.Deserialize"
                : "from_current is a phase of an adaptive combine, after the phase it starts from");
            return null;
        }
        return function == AdaptiveFunctions.Combine ? Combine(element, path) : Rule(function, element, path);
    }

    private AdaptiveSched? Rule(FunctionSpec function, JsonElement element, string path)
    {
        var before = problems.Count;
        var arguments = Arguments(function, element, path);
        var inner = arguments[0] is { } sched ? Planned(sched, At(path, function.Params[0].Name)) : null;
        if (arguments[0] is null)
        {
            Report(path, BindMessages.Required(function, function.Params[0]));
        }
        var values = new double[]?[arguments.Length];
        values[0] = new double[1];
        for (var i = 1; i < arguments.Length; i++)
        {
            var name = function.Params[i].Name;
            values[i] = arguments[i] is { } argument
                ? Number(function, argument, At(path, name), name) is { } number ? [number] : null
                : [function.Params[i].Default!.Value];
        }
        foreach (var problem in AdaptiveFunctions.Problems(function, values))
        {
            Report(At(path, problem.Parameter), BindMessages.Problem(function.Name, problem.Parameter, problem.Problem));
        }
        if (problems.Count > before)
        {
            return null;
        }
        var n = Array.ConvertAll(values, v => v![0]);
        return Built(() => AdaptiveFunctions.Build(function, inner!, n), path);
    }

    private AdaptiveSched? Combine(JsonElement element, string path)
    {
        var function = AdaptiveFunctions.Combine;
        var before = problems.Count;
        var arguments = Arguments(function, element, path);
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i] is null)
            {
                Report(path, BindMessages.Required(function, function.Params[i]));
            }
            else if (arguments[i]!.Value.ValueKind != JsonValueKind.Array)
            {
                Report(At(path, function.Params[i].Name), i == 0 ? BindMessages.NotNumbers(function, function.Params[0]) : BindMessages.NotScheds(function, function.Params[1]));
                arguments[i] = null;
            }
        }
        var pcts = new List<double>();
        var phases = new List<AdaptivePart?>();
        if (arguments[0] is { } pctList)
        {
            var j = 0;
            foreach (var item in pctList.EnumerateArray())
            {
                var name = $"{function.Params[0].Name}[{j++}]";
                pcts.Add(Number(function, item, At(path, name), name) ?? double.NaN);
            }
        }
        if (arguments[1] is { } phaseList)
        {
            var j = 0;
            foreach (var item in phaseList.EnumerateArray())
            {
                phases.Add(Phase(item, At(path, $"{function.Params[1].Name}[{j++}]")));
            }
        }
        return problems.Count > before ? null : Built(() => AdaptiveSched.Combine(pcts, phases!), path);
    }

    private AdaptivePart? Phase(JsonElement element, string path)
    {
        if (AdaptiveFunction(element) is { } function)
        {
            if (function != AdaptiveFunctions.FromCurrent)
            {
                return Adaptive(element, path) is { } adaptive ? (AdaptivePart)adaptive : null;
            }
            var arguments = Arguments(function, element, path);
            if (arguments[0] is not { } sched)
            {
                Report(path, BindMessages.Required(function, function.Params[0]));
                return null;
            }
            var shapePath = At(path, function.Params[0].Name);
            return Planned(sched, shapePath) is { } shape ? Built(() => AdaptivePart.FromCurrent(shape), path) : null;
        }
        return Planned(element, path) is { } planned ? (AdaptivePart)planned : null;
    }

    /// <summary>The object's properties by parameter (none for <c>fn</c>); an unknown or repeated name is reported.</summary>
    private JsonElement?[] Arguments(FunctionSpec function, JsonElement element, string path)
    {
        var arguments = new JsonElement?[function.Params.Count];
        foreach (var property in element.EnumerateObject())
        {
            if (property.NameEquals(SchedJsonWriter.FunctionKey))
            {
                continue;
            }
            var index = function.IndexOf(property.Name);
            if (index < 0)
            {
                Report(At(path, property.Name), BindMessages.NoParameter(function, property.Name));
            }
            else if (arguments[index] is not null)
            {
                Report(At(path, property.Name), BindMessages.GivenTwice(function.Name, property.Name));
            }
            else
            {
                arguments[index] = property.Value;
            }
        }
        return arguments;
    }

    private double? Number(FunctionSpec function, JsonElement element, string path, string parameter)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            Report(path, BindMessages.NotANumber(function.Name, parameter));
            return null;
        }
        if (!element.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            Report(path, BindMessages.Problem(function.Name, parameter, "must be a finite number"));
            return null;
        }
        return value;
    }

    /// <summary>A planned part, read by the planned reader; its problems are reported at their paths under <paramref name="path"/>.</summary>
    private Sched? Planned(JsonElement element, string path)
    {
        if (AdaptiveFunction(element) is not null)
        {
            Report(path, "a metric-driven schedule cannot be nested inside another one's sched; make it a phase of a combine");
            return null;
        }
        try
        {
            return SchedJson.Read(element);
        }
        catch (JsonException error)
        {
            foreach (var line in error.Message.Split('\n'))
            {
                problems.Add(line.StartsWith('$') ? path + line[1..] : $"{path}: {line}");
            }
            return null;
        }
    }

    /// <summary>Calls a factory whose arguments were checked here; what it still rejects (structure: from_current first, mixed <c>every</c>) is reported.</summary>
    private T? Built<T>(Func<T> factory, string path)
        where T : class
    {
        try
        {
            return factory();
        }
        catch (SchedArgumentException error)
        {
            Report(error.ParamName is { } parameter ? At(path, parameter) : path, error.Message);
            return null;
        }
    }

    private void Report(string path, string message) => problems.Add($"{path}: {message}");

    private static string At(string path, string property) =>
        property.Length > 0 && (char.IsAsciiLetter(property[0]) || property[0] == '_') && property.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '[' || c == ']')
            ? $"{path}.{property}"
            : $"{path}['{property.Replace("'", "\\'", StringComparison.Ordinal)}']";
}
