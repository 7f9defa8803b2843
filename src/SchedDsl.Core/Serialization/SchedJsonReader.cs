using System.Text;
using System.Text.Json;
using SchedDsl.Text;

namespace SchedDsl.Serialization;

/// <summary>
/// Reads a schedule from JSON by writing it in the text form and parsing that, so JSON and text accept the same
/// functions with the same checks and messages. Each piece of generated text remembers its JSON path, and a parse
/// error is reported at the path of the innermost piece that holds it.
/// </summary>
internal sealed class SchedJsonReader
{
    private readonly StringBuilder text = new();
    private readonly List<(int Start, int End, string Path)> spans = [];

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
        reader.Value(element, "$");
        var source = reader.text.ToString();
        try
        {
            return Sched.Parse(source, customAnnealers);
        }
        catch (SchedParseException error)
        {
            // The generated text is one line, so the column is the offset.
            throw new JsonException($"{reader.PathAt(error.Column - 1)}: {error.Reason}", error);
        }
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

    private void Value(JsonElement element, string path)
    {
        if (++depth > SyntaxParser.MaxDepth)
        {
            throw new JsonException(
                $"{path}: lists and schedule objects nest deeper than {SyntaxParser.MaxDepth} levels (schedules nest at most Sched.MaxDepth = {Sched.MaxDepth})");
        }
        try
        {
            Append(element, path);
        }
        finally
        {
            depth--;
        }
    }

    private void Append(JsonElement element, string path)
    {
        var start = text.Length;
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                // JSON's number grammar is a subset of the text form's.
                text.Append(element.GetRawText());
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Separate(index);
                    Value(item, $"{path}[{index++}]");
                }
                text.Append(']');
                break;
            case JsonValueKind.Object:
                Call(element, path);
                break;
            default:
                throw new JsonException(
                    $"{path}: expected a number, a list or an object with \"{SchedJsonWriter.FunctionKey}\", got {element.ValueKind.ToString().ToLowerInvariant()}");
        }
        spans.Add((start, text.Length, path));
    }

    private void Call(JsonElement element, string path)
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
        text.Append(name).Append('(');
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
            arguments = [.. arguments.OrderBy(a => a.Name == "stop")];
            for (var i = 0; i < arguments.Count; i++)
            {
                Separate(i);
                Value(arguments[i].Value, $"{path}.{arguments[i].Name}");
            }
        }
        else
        {
            for (var i = 0; i < arguments.Count; i++)
            {
                Separate(i);
                var nameStart = text.Length;
                text.Append(arguments[i].Name);
                spans.Add((nameStart, text.Length, $"{path}.{arguments[i].Name}"));
                text.Append('=');
                Value(arguments[i].Value, $"{path}.{arguments[i].Name}");
            }
        }
        text.Append(')');
    }

    private void Separate(int index)
    {
        if (index > 0)
        {
            text.Append(", ");
        }
    }

    /// <summary>The path of the innermost generated piece holding <paramref name="offset"/>.</summary>
    private string PathAt(int offset)
    {
        var best = (Start: 0, End: int.MaxValue, Path: "$");
        foreach (var span in spans)
        {
            if (span.Start <= offset && offset < span.End && span.End - span.Start <= best.End - best.Start)
            {
                best = span;
            }
        }
        return best.Path;
    }

    private static bool IsName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
