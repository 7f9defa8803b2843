using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SchedDsl.Generators.Model;
using SchedDsl.Text;

namespace SchedDsl.Generators.Emitting;

/// <summary>
/// Checks a <c>[SchedText]</c> model with the shared parser (<see cref="SchedBinder"/>) and writes the property as
/// direct factory calls, or places each of the parser's errors on the offending characters of the string (and
/// completes the property with a throwing getter, so each mistake is one error).
/// </summary>
internal static class SchedTextEmitter
{
    public static SchedTextOutput Bind(SchedTextModel model)
    {
        var builder = new CodeBuilder(model.Groups);
        var (code, errors) = SchedBinder.Bind(model.Text, builder);
        if (errors.Length > 0)
        {
            // One diagnostic per problem, each on its own characters, as the compiler reports its own errors.
            var invalid = errors.Select(error => DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidScheduleText,
                TextLocation.Of(model.Literal, model.Text, error.Start, error.Length),
                error.Message)).ToArray();
            return Failed(model, string.Join("; ", errors.Select(error => error.Message)), invalid);
        }
        if (builder.Mismatches.Count > 0)
        {
            var mismatches = builder.Mismatches.Select(list =>
                DiagnosticInfo.Create(
                    DiagnosticDescriptors.GroupCountMismatch,
                    TextLocation.Of(model.Literal, model.Text, list.Syntax.Start, list.Syntax.Length),
                    model.Text.Substring(list.Syntax.Start, list.Syntax.Length),
                    list.Numbers.Count.ToString(CultureInfo.InvariantCulture),
                    model.Groups.ToString(CultureInfo.InvariantCulture))).ToArray();
            return Failed(model, "a per-group list's length differs from Groups", mismatches);
        }
        return new SchedTextOutput(model.HintName, Emit(model, code!), EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>
    /// The diagnostics, and still an implementation part whose getter throws: without one the compiler adds CS9248
    /// ("partial property must have an implementation part") to every wrong text, two errors for one mistake.
    /// The build fails on the diagnostic, so the body never runs.
    /// </summary>
    private static SchedTextOutput Failed(SchedTextModel model, string problem, DiagnosticInfo[] diagnostics) =>
        new(model.HintName, EmitFailed(model, problem), new EquatableArray<DiagnosticInfo>(diagnostics));

    private static string Emit(SchedTextModel model, string code)
    {
        var field = "__schedText_" + model.PropertyName;
        var w = Begin(model);
        w.Line("/// <summary>The schedule <c>" + Xml(model.Text) + "</c>, built once on first use (immutable, so a race only builds it twice).</summary>");
        w.Line(SchedulerEmitter.GeneratedCode);
        w.Line("private static global::SchedDsl.Sched? " + field + ";");
        w.Line();
        w.Line(SchedulerEmitter.GeneratedCode);
        w.Line(Declaration(model));
        w.Line("    " + field + " ??= " + code + ";");
        return w.EndFile();
    }

    private static string EmitFailed(SchedTextModel model, string problem)
    {
        var w = Begin(model);
        w.Line("// The build reports each problem in the schedule text; this part only completes the property, so those are the only errors.");
        w.Line(SchedulerEmitter.GeneratedCode);
        w.Line(Declaration(model));
        w.Line("    throw new global::System.InvalidOperationException("
            + SymbolDisplay.FormatLiteral("Invalid schedule text: " + problem, quote: true) + ");");
        return w.EndFile();
    }

    private static IndentedWriter Begin(SchedTextModel model)
    {
        var w = new IndentedWriter();
        w.BeginFile(model.Namespace, model.Containers);
        w.Open("partial " + model.Type.Keyword + " " + model.Type.Name);
        return w;
    }

    private static string Declaration(SchedTextModel model) =>
        (model.Modifiers.Length > 0 ? model.Modifiers + " " : string.Empty) + "partial global::SchedDsl.Sched"
        + (model.Nullable ? "?" : string.Empty) + " " + model.PropertyName + " =>";

    private static string Xml(string text) =>
        string.Join(" ", text.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
            .Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Emits <c>Sched.{CSharpFactory}({CSharpName}: …)</c> from the function table alone, defaults left out.</summary>
    private sealed class CodeBuilder(int groups) : ISchedBuilder<string>
    {
        public List<BoundHyper> Mismatches { get; } = new();

        public string Constant(BoundHyper value) => "global::SchedDsl.Sched.Const(" + Hyper(value) + ")";

        public string Call(BoundCall call, IReadOnlyList<string> scheds)
        {
            var arguments = new List<string>();
            for (var i = 0; i < call.Function.Params.Count; i++)
            {
                var parameter = call.Function.Params[i];
                var code = call.Arguments[i] switch
                {
                    null => null,
                    BoundHyper hyper => Hyper(hyper),
                    BoundNumber number when parameter.Kind == ParamKind.Integer => ((int)number.Value).ToString(CultureInfo.InvariantCulture),
                    BoundNumber number => Number(number.Value),
                    BoundNumbers numbers => "new double[] { " + string.Join(", ", numbers.Values.Select(Number)) + " }",
                    BoundScheds when parameter.Kind == ParamKind.Sched => scheds[0],
                    BoundScheds => "new global::SchedDsl.Sched[] { " + string.Join(", ", scheds) + " }",
                    _ => throw new InvalidOperationException("unknown bound value"),
                };
                if (code is not null)
                {
                    arguments.Add(parameter.CSharpName + ": " + code);
                }
            }
            return "global::SchedDsl.Sched." + call.Function.CSharpFactory + "(" + string.Join(", ", arguments) + ")";
        }

        /// <summary>A C# double literal: the text form's number, with <c>d</c> where it would read as an int (keeps <c>-0</c>).</summary>
        private static string Number(double value)
        {
            var text = TextNumbers.Format(value);
            return text.IndexOfAny(['.', 'e']) < 0 ? text + "d" : text;
        }

        private string Hyper(BoundHyper value)
        {
            if (value.Form == HyperForm.List && groups > 0 && value.Numbers.Count != groups)
            {
                Mismatches.Add(value);
            }
            return value.Form switch
            {
                HyperForm.Scalar => Number(value.Numbers[0]),
                HyperForm.List => "global::SchedDsl.Hyper.Of(" + string.Join(", ", value.Numbers.Select(Number)) + ")",
                HyperForm.SliceV1 => "global::SchedDsl.Hyper.Slice(" + Number(value.Numbers[0]) + ", global::SchedDsl.SliceRule.FastaiV1)",
                _ => "global::SchedDsl.Hyper.Slice(" + string.Join(", ", value.Numbers.Select(Number)) + ")",
            };
        }
    }
}

/// <summary>Maps an offset in the schedule text to the characters of the string literal that wrote it.</summary>
internal static class TextLocation
{
    public static LocationInfo Of(LiteralInfo literal, string text, int start, int length)
    {
        var map = Map(literal, text);
        int from;
        int to;
        if (map is null)
        {
            (from, to) = (0, literal.SourceText.Length);
        }
        else
        {
            start = Math.Max(0, Math.Min(start, text.Length));
            var end = Math.Max(start, Math.Min(start + length, text.Length));
            (from, to) = (map[start], Math.Max(map[start], map[end]));
        }
        return new LocationInfo(
            literal.FilePath,
            new TextSpan(literal.SpanStart + from, to - from),
            new LinePositionSpan(Position(literal, from), Position(literal, to)));
    }

    private static LinePosition Position(LiteralInfo literal, int offset)
    {
        var line = literal.Line;
        var character = literal.Character;
        var source = literal.SourceText;
        for (var i = 0; i < offset && i < source.Length; i++)
        {
            if (source[i] == '\n' || (source[i] == '\r' && (i + 1 >= source.Length || source[i + 1] != '\n')))
            {
                line++;
                character = 0;
            }
            else if (source[i] != '\r')
            {
                character++;
            }
        }
        return new LinePosition(line, character);
    }

    /// <summary>
    /// For each text index (and one past the end) its offset in the literal's source; null when the literal is not one
    /// this understands or does not decode to <paramref name="text"/>.
    /// </summary>
    internal static int[]? Map(LiteralInfo literal, string text)
    {
        var source = literal.SourceText;
        var map = new List<int>(text.Length + 1);
        var decoded = new System.Text.StringBuilder(text.Length);
        switch (literal.Kind)
        {
            case LiteralKind.Regular:
                for (var i = 1; i < source.Length - 1;)
                {
                    var at = i;
                    if (source[i] != '\\')
                    {
                        decoded.Append(source[i++]);
                        map.Add(at);
                        continue;
                    }
                    var (value, width) = Escape(source, i);
                    if (value is null)
                    {
                        return null;
                    }
                    foreach (var c in value)
                    {
                        decoded.Append(c);
                        map.Add(at);
                    }
                    i += width;
                }
                map.Add(source.Length - 1);
                break;
            case LiteralKind.Verbatim:
                for (var i = 2; i < source.Length - 1;)
                {
                    map.Add(i);
                    decoded.Append(source[i]);
                    i += source[i] == '"' ? 2 : 1;
                }
                map.Add(source.Length - 1);
                break;
            case LiteralKind.RawSingleLine:
                var quotes = 0;
                while (quotes < source.Length && source[quotes] == '"')
                {
                    quotes++;
                }
                for (var i = quotes; i < source.Length - quotes; i++)
                {
                    map.Add(i);
                    decoded.Append(source[i]);
                }
                map.Add(source.Length - quotes);
                break;
            default:
                return null;
        }
        return decoded.ToString() == text ? map.ToArray() : null;
    }

    private static (string? Value, int Width) Escape(string source, int i)
    {
        if (i + 1 >= source.Length)
        {
            return (null, 1);
        }
        switch (source[i + 1])
        {
            case 'u':
                return Hex(source, i + 2, 4, 4, 6);
            case 'U':
                return Hex(source, i + 2, 8, 8, 10);
            case 'x':
                var digits = 0;
                while (digits < 4 && i + 2 + digits < source.Length && Uri.IsHexDigit(source[i + 2 + digits]))
                {
                    digits++;
                }
                return Hex(source, i + 2, 1, digits, 2 + digits);
            default:
                var c = source[i + 1] switch
                {
                    '0' => '\0',
                    'a' => '\a',
                    'b' => '\b',
                    'e' => '\u001b',
                    'f' => '\f',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    'v' => '\v',
                    var other => other,
                };
                return (c.ToString(), 2);
        }
    }

    private static (string? Value, int Width) Hex(string source, int start, int min, int count, int width)
    {
        if (count < min || start + count > source.Length
            || !int.TryParse(source.Substring(start, count), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)
            || code > 0x10FFFF)
        {
            return (null, width);
        }
        return (code <= 0xFFFF ? ((char)code).ToString() : char.ConvertFromUtf32(code), width);
    }
}
