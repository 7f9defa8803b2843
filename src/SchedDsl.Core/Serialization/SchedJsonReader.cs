using System.Text.Json;
using SchedDsl.Parsing;
using SchedDsl.Text;

namespace SchedDsl.Serialization;

/// <summary>
/// Reads a schedule from JSON into the text form's syntax tree, then binds and builds it as <c>Sched.Parse</c> does,
/// so JSON and text accept the same functions with the same checks and messages, and no text is written or lexed.
/// Each node's offset is its index in a list of JSON paths, so an error is reported at the path of the value it blames.
/// </summary>
internal sealed class SchedJsonReader
{
    private readonly List<string> paths = [];

    // Nesting of lists and objects, bounded here (not by the caller's JsonDocumentOptions.MaxDepth): each level maps
    // to one level of the text form, so the text form's bound applies, and the recursion stays far from the stack's.
    private int depth;

    private SchedJsonReader()
    {
    }

    public static Sched Read(JsonElement element, AnnealerFactory[] customAnnealers)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return FromText(element.GetString()!, customAnnealers);
        }
        var reader = new SchedJsonReader();
        var node = reader.Value(element, "$");
        var custom = Sched.CustomAnnealers(customAnnealers);
        var (bound, error) = SchedBinder.Bind(node, custom.Keys);
        if (bound is not null)
        {
            try
            {
                return SchedBinder.Build(bound, new SchedBuilder(custom));
            }
            catch (TextErrorException failure)
            {
                error = failure.Error;
            }
        }
        throw new JsonException($"{reader.paths[Math.Min(error!.Start, reader.paths.Count - 1)]}: {error.Message}");
    }

    private static Sched FromText(string source, AnnealerFactory[] customAnnealers)
    {
        try
        {
            return Sched.Parse(source, customAnnealers);
        }
        catch (SchedParseException error)
        {
            throw new JsonException($"$: the schedule text {error.Message}", error);
        }
    }

    private SyntaxNode Value(JsonElement element, string path)
    {
        if (++depth > SyntaxParser.MaxDepth)
        {
            throw new JsonException(
                $"{path}: lists and schedule objects nest deeper than {SyntaxParser.MaxDepth} levels (schedules nest at most Sched.MaxDepth = {Sched.MaxDepth})");
        }
        try
        {
            return Node(element, path);
        }
        finally
        {
            depth--;
        }
    }

    /// <summary>The offset a node of <paramref name="path"/> gets: its index in <see cref="paths"/>.</summary>
    private int At(string path)
    {
        paths.Add(path);
        return paths.Count - 1;
    }

    private SyntaxNode Node(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                // Past double range JSON's number grammar still parses; ±∞ is then reported as "must be a finite number".
                var number = element.TryGetDouble(out var value)
                    ? value
                    : double.Parse(element.GetRawText(), System.Globalization.CultureInfo.InvariantCulture);
                return new NumberNode(number, At(path), 1);
            case JsonValueKind.Array:
                var items = new List<SyntaxNode>();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    items.Add(Value(item, $"{path}[{index++}]"));
                }
                return new ListNode(items, At(path), 1);
            case JsonValueKind.Object:
                return Call(element, path);
            default:
                throw new JsonException(
                    $"{path}: expected a number, a list or an object with \"{SchedJsonWriter.FunctionKey}\", got {element.ValueKind.ToString().ToLowerInvariant()}");
        }
    }

    private CallNode Call(JsonElement element, string path)
    {
        if (!element.TryGetProperty(SchedJsonWriter.FunctionKey, out var fn) || fn.ValueKind != JsonValueKind.String
            || !IsName(fn.GetString()!))
        {
            throw new JsonException($"{path}: a schedule object needs \"{SchedJsonWriter.FunctionKey}\": the function's name, e.g. \"one_cycle\"");
        }
        var name = fn.GetString()!;
        // Property names arrive unescaped, so "\u0066n" counts as "fn" too.
        var fnCount = element.EnumerateObject().Count(p => p.Name == SchedJsonWriter.FunctionKey);
        if (fnCount > 1)
        {
            throw new JsonException($"{path}.{SchedJsonWriter.FunctionKey}: a schedule object names its function once, got \"{SchedJsonWriter.FunctionKey}\" {fnCount} times");
        }
        var arguments = element.EnumerateObject().Where(p => p.Name != SchedJsonWriter.FunctionKey).ToList();
        foreach (var argument in arguments.Where(a => !IsName(a.Name)))
        {
            throw new JsonException($"{path}: '{argument.Name}' is not a parameter name of {name}");
        }
        var nodes = new List<ArgumentNode>();
        if (name is "slice" or "slice_v1")
        {
            // slice takes its numbers by position: slice(stop) or slice(start, stop).
            foreach (var argument in arguments.Where(a => a.Name is not ("start" or "stop")))
            {
                throw new JsonException($"{path}.{argument.Name}: {name} has no parameter '{argument.Name}'; its parameters are start, stop");
            }
            if (!arguments.Any(a => a.Name == "stop"))
            {
                // slice(x) means stop = x: taking a lone "start" as the stop would silently change its meaning.
                throw new JsonException($"{path}: {name} needs \"stop\" (\"start\" alone is not a slice), e.g. {{\"{SchedJsonWriter.FunctionKey}\":\"{name}\",\"stop\":0.01}}");
            }
            foreach (var argument in arguments.OrderBy(a => a.Name == "stop"))
            {
                var value = Value(argument.Value, $"{path}.{argument.Name}");
                nodes.Add(new ArgumentNode(null, value, value.Start));
            }
        }
        else
        {
            foreach (var argument in arguments)
            {
                var argumentPath = $"{path}.{argument.Name}";
                var value = Value(argument.Value, argumentPath);
                nodes.Add(new ArgumentNode(argument.Name, value, At(argumentPath)));
            }
        }
        return new CallNode(name, nodes, At(path), 1);
    }

    private static bool IsName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
