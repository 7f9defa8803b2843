using System.Text.Json;
using SchedDsl.Text;

namespace SchedDsl.Serialization;

/// <summary>
/// Reads a schedule from JSON into the text form's syntax tree, then binds and builds it as <c>Sched.Parse</c> does,
/// so JSON and text accept the same functions with the same checks and messages, and no text is written or lexed.
/// Each node's offset is its index in a list of JSON paths, so an error is reported at the path of the value it blames.
/// </summary>
internal sealed class SchedJsonReader
{
    // Each node's place, as its parent's index and its property name or list index: the JSON path is spelt out only
    // for an error, so a valid document allocates no path strings.
    private readonly List<(int Parent, string? Property, int Index)> places = [];

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
        var node = reader.Value(element, reader.Place(-1, null, 0));
        var (sched, error) = Sched.Build(node, customAnnealers);
        return sched ?? throw new JsonException($"{reader.Path(Math.Min(error!.Start, reader.places.Count - 1))}: {error.Message}");
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

    private SyntaxNode Value(JsonElement element, int place)
    {
        if (++depth > SyntaxParser.MaxDepth)
        {
            throw new JsonException(
                $"{Path(place)}: lists and schedule objects nest deeper than {SyntaxParser.MaxDepth} levels (schedules nest at most Sched.MaxDepth = {Sched.MaxDepth})");
        }
        try
        {
            return Node(element, place);
        }
        finally
        {
            depth--;
        }
    }

    /// <summary>A new place under <paramref name="parent"/>; a node's offset is its place.</summary>
    private int Place(int parent, string? property, int index)
    {
        places.Add((parent, property, index));
        return places.Count - 1;
    }

    /// <summary>The JSON path of <paramref name="place"/>, e.g. <c>$.scheds[1].div</c>.</summary>
    private string Path(int place)
    {
        if (place < 0)
        {
            return "$";
        }
        var (parent, property, index) = places[place];
        return parent < 0 ? "$" : property is null ? $"{Path(parent)}[{index}]" : $"{Path(parent)}.{property}";
    }

    private SyntaxNode Node(JsonElement element, int place)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                // Past double range JSON's number grammar still parses; ±∞ is then reported as "must be a finite number".
                var number = element.TryGetDouble(out var value)
                    ? value
                    : double.Parse(element.GetRawText(), System.Globalization.CultureInfo.InvariantCulture);
                return new NumberNode(number, place, 1);
            case JsonValueKind.Array:
                var items = new List<SyntaxNode>();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    items.Add(Value(item, Place(place, null, index++)));
                }
                return new ListNode(items, place, 1);
            case JsonValueKind.Object:
                return Call(element, place);
            default:
                throw new JsonException(
                    $"{Path(place)}: expected a number, a list or an object with \"{SchedJsonWriter.FunctionKey}\", got {element.ValueKind.ToString().ToLowerInvariant()}");
        }
    }

    private CallNode Call(JsonElement element, int place)
    {
        string? name = null;
        var fnCount = 0;
        var arguments = new List<JsonProperty>();
        foreach (var property in element.EnumerateObject())
        {
            // Property names arrive unescaped, so "\u0066n" counts as "fn" too.
            if (property.Name == SchedJsonWriter.FunctionKey)
            {
                fnCount++;
                name = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
            }
            else
            {
                arguments.Add(property);
            }
        }
        if (name is null || !IsName(name))
        {
            throw new JsonException($"{Path(place)}: a schedule object needs \"{SchedJsonWriter.FunctionKey}\": the function's name, e.g. \"one_cycle\"");
        }
        if (fnCount > 1)
        {
            throw new JsonException($"{Path(place)}.{SchedJsonWriter.FunctionKey}: a schedule object names its function once, got \"{SchedJsonWriter.FunctionKey}\" {fnCount} times");
        }
        foreach (var argument in arguments)
        {
            if (!IsName(argument.Name))
            {
                throw new JsonException($"{Path(place)}: '{argument.Name}' is not a parameter name of {name}");
            }
        }
        var nodes = new List<ArgumentNode>(arguments.Count);
        if (name is "slice" or "slice_v1")
        {
            // slice takes its numbers by position: slice(stop) or slice(start, stop).
            foreach (var argument in arguments)
            {
                if (argument.Name is not ("start" or "stop"))
                {
                    throw new JsonException($"{Path(place)}.{argument.Name}: {name} has no parameter '{argument.Name}'; its parameters are start, stop");
                }
            }
            if (!arguments.Exists(a => a.Name == "stop"))
            {
                // slice(x) means stop = x: taking a lone "start" as the stop would silently change its meaning.
                throw new JsonException($"{Path(place)}: {name} needs \"stop\" (\"start\" alone is not a slice), e.g. {{\"{SchedJsonWriter.FunctionKey}\":\"{name}\",\"stop\":0.01}}");
            }
            if (arguments.Count == 2 && arguments[0].Name == "stop")
            {
                (arguments[0], arguments[1]) = (arguments[1], arguments[0]);
            }
            foreach (var argument in arguments)
            {
                var value = Value(argument.Value, Place(place, argument.Name, 0));
                nodes.Add(new ArgumentNode(null, value, value.Start));
            }
        }
        else
        {
            foreach (var argument in arguments)
            {
                var argumentPlace = Place(place, argument.Name, 0);
                nodes.Add(new ArgumentNode(argument.Name, Value(argument.Value, argumentPlace), argumentPlace));
            }
        }
        return new CallNode(name, nodes, place, 1);
    }

    private static bool IsName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && !name.AsSpan().ContainsAnyExcept(NameChars);

    private static readonly System.Buffers.SearchValues<char> NameChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
}
