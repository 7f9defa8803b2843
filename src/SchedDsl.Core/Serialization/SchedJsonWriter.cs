using System.Text.Json;
using SchedDsl.Text;

namespace SchedDsl.Serialization;

/// <summary>
/// Writes a schedule's JSON from its text form's syntax tree, naming every argument by the function table, so any
/// function the text form knows serializes without code of its own here.
/// </summary>
internal static class SchedJsonWriter
{
    public const string FunctionKey = "fn";

    public static void Write(Utf8JsonWriter writer, Sched sched)
    {
        var text = sched.ToString();
        var (node, error) = SyntaxParser.Parse(text);
        if (node is null)
        {
            throw new InvalidOperationException($"the schedule printed as '{text}', which does not parse: {error!.Message}");
        }
        Value(writer, node);
    }

    private static void Value(Utf8JsonWriter writer, SyntaxNode node)
    {
        switch (node)
        {
            case NumberNode number:
                writer.WriteNumberValue(number.Value);
                break;
            case ListNode list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    Value(writer, item);
                }
                writer.WriteEndArray();
                break;
            case CallNode call:
                Call(writer, call);
                break;
            default:
                throw new InvalidOperationException($"unexpected syntax node {node.GetType().Name}");
        }
    }

    private static void Call(Utf8JsonWriter writer, CallNode call)
    {
        writer.WriteStartObject();
        writer.WriteString(FunctionKey, call.Name);
        var parameters = Parameters(call);
        var given = new SyntaxNode?[parameters.Count];
        var positional = 0;
        foreach (var argument in call.Arguments)
        {
            var index = argument.Name is null ? positional++ : IndexOf(parameters, argument.Name);
            given[index] = argument.Value;
        }
        for (var i = 0; i < parameters.Count; i++)
        {
            if (given[i] is { } value)
            {
                writer.WritePropertyName(parameters[i].Name);
                Value(writer, value);
            }
            else if (parameters[i].Default is { } defaultValue)
            {
                // Defaults are written out: a config then says every number it runs with.
                writer.WriteNumber(parameters[i].Name, defaultValue);
            }
        }
        writer.WriteEndObject();
    }

    /// <summary>The parameters in positional order; <c>slice</c> with one argument takes only <c>stop</c>.</summary>
    private static IReadOnlyList<(string Name, double? Default)> Parameters(CallNode call) => call.Name switch
    {
        "slice" when call.Arguments.Count == 2 => [("start", null), ("stop", null)],
        "slice" or "slice_v1" => [("stop", null)],
        _ => [.. (FunctionTable.All.TryGetValue(call.Name, out var spec) ? spec : FunctionTable.CustomAnnealer(call.Name))
            .Params.Select(p => (p.Name, p.Default))],
    };

    private static int IndexOf(IReadOnlyList<(string Name, double? Default)> parameters, string name)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Name == name)
            {
                return i;
            }
        }
        throw new InvalidOperationException($"printed argument '{name}' is not a parameter");
    }
}
