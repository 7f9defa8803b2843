using System.Globalization;
using System.Text.Json;
using SchedDsl.Parsing;
using SchedDsl.Text;

namespace SchedDsl.Serialization;

/// <summary>
/// Reads a schedule straight from a <see cref="Utf8JsonReader"/>: each schedule object's arguments are read into the
/// C# values its declaration's factory takes (no <see cref="JsonDocument"/>, no syntax tree, no property-name strings),
/// checked once against the declaration with the text binder's messages (<see cref="BindMessages"/>), and the factory
/// is called without checking them again. An error names the JSON path of the value it blames, e.g.
/// <c>$.scheds[1].div: one_cycle: div must be &gt; 0, got 0</c>.
/// </summary>
/// <remarks>
/// One pass, in document order, and every problem is reported, as the text binder does: a value with a problem is
/// stepped over (<see cref="Utf8JsonReader.Skip"/>), its call is not built, and reading goes on; at the end one
/// <see cref="JsonException"/> lists them all, one line each. Nesting too deep stops the reading at once. Malformed
/// JSON is still reported as such before any problem with the schedule (see
/// <see cref="Read(ReadOnlySpan{byte}, AnnealerFactory[], JsonReaderOptions, bool)"/>). The state (path stack,
/// scratch lists) is reused per thread, so a valid document allocates only what it builds.
/// </remarks>
internal sealed partial class SchedJsonReader
{
    private static readonly byte[] FunctionKey = "fn"u8.ToArray();

    [ThreadStatic]
    private static SchedJsonReader? cached;

    private readonly JsonPlaces places = new();

    private AnnealerFactory[] custom = [];

    // The calls and lists being read, innermost last: reading allocates what it builds, not an array per call.
    private readonly ReaderStacks stacks = new();

    // Every problem met, each with its path; null while there is none.
    private List<string>? problems;

    // The reader's depth at the schedule's first token: nesting is counted from there, as the text form counts it.
    private int rootDepth;

    /// <summary>Reads the one JSON value in <paramref name="utf8"/>.</summary>
    /// <param name="utf8">The JSON.</param>
    /// <param name="customAnnealers">User annealers the JSON may name.</param>
    /// <param name="options">The reader's options (its depth limit).</param>
    /// <param name="validated">
    /// True when <paramref name="utf8"/> is known to be well-formed (a <see cref="JsonElement"/>'s text); otherwise a
    /// problem with the schedule is reported only once the whole text is known to be JSON, as when it was parsed first.
    /// </param>
    public static Sched Read(ReadOnlySpan<byte> utf8, AnnealerFactory[] customAnnealers, JsonReaderOptions options, bool validated)
    {
        var reader = new Utf8JsonReader(utf8, options);
        try
        {
            reader.Read();
            var sched = Read(ref reader, customAnnealers);
            // Trailing content after the value: the reader throws, as JsonDocument.Parse does.
            reader.Read();
            return sched;
        }
        catch (Exception error) when (!validated && error is JsonException or SchedArgumentException)
        {
            ThrowIfMalformed(utf8, options);
            throw;
        }
    }

    /// <summary>Reads the JSON value at <paramref name="reader"/>'s current token, leaving it on the value's last token.</summary>
    public static Sched Read(ref Utf8JsonReader reader, AnnealerFactory[] customAnnealers)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return FromText(reader.GetString()!, customAnnealers);
        }
        // Taken while in use: a user annealer that reads JSON in turn gets a state of its own.
        var state = cached ?? new SchedJsonReader();
        cached = null;
        state.custom = customAnnealers;
        state.rootDepth = reader.CurrentDepth;
        try
        {
            var sched = state.Sched(ref reader);
            return state.problems is { } problems ? throw Problems(problems) : sched!;
        }
        finally
        {
            state.places.Clear();
            state.stacks.Clear();
            state.custom = [];
            state.problems = null;
            cached = state;
        }
    }

    private static Sched FromText(string source, AnnealerFactory[] customAnnealers)
    {
        try
        {
            return SchedDsl.Sched.Parse(source, customAnnealers);
        }
        catch (SchedParseException error)
        {
            throw new JsonException($"$: the schedule text {error.Message}", error);
        }
    }

    /// <summary>Throws the reader's own exception (as <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/> did) when <paramref name="utf8"/> is not JSON.</summary>
    private static void ThrowIfMalformed(ReadOnlySpan<byte> utf8, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(utf8, options);
        while (reader.Read())
        {
        }
    }

    /// <summary>One exception for every problem: one line each, in document order.</summary>
    private static JsonException Problems(List<string> problems) => new(string.Join("\n", problems));

    /// <summary>A schedule: a call, or a number, list or slice as a constant; null when it has a problem (reported).</summary>
    private Sched? Sched(ref Utf8JsonReader reader)
    {
        if (!Enter(ref reader))
        {
            return null;
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Hyper(ref reader, "const", "value", Rule.Finite) is { } value ? SchedDsl.Sched.Const(value) : null;
        }
        if (Function(ref reader, out var fnRead) is not { } function)
        {
            SkipRest(ref reader);
            return null;
        }
        switch (function.Kind)
        {
            case JsonFunctionKind.Declared:
            case JsonFunctionKind.Custom:
                return Call(ref reader, function, fnRead);
            case JsonFunctionKind.Slice:
            case JsonFunctionKind.SliceV1:
                var slice = Slice(ref reader, function.Kind == JsonFunctionKind.SliceV1, fnRead, "const", "value", Rule.Finite, out var sliceForm);
                return slice is null ? null : SchedDsl.Sched.Const(SchedDsl.Parsing.SchedArgs.ToHyper(sliceForm, slice));
            default:
                // Its arguments are not checked: without the function, nothing says what they should be.
                Report(BindMessages.UnknownFunction(function.UnknownName!, CustomNames(), out _));
                SkipRest(ref reader);
                return null;
        }
    }

    /// <summary>Steps over the rest of the object <paramref name="reader"/> is in (on a property name or its <c>}</c>), leaving it on the <c>}</c>.</summary>
    private static void SkipRest(ref Utf8JsonReader reader)
    {
        while (reader.TokenType == JsonTokenType.PropertyName)
        {
            reader.Read();
            reader.Skip();
            reader.Read();
        }
    }

    private IEnumerable<string> CustomNames() =>
        custom.Where(f => f is not null && !FunctionTable.All.ContainsKey(f.Name)).Select(f => f.Name).Distinct();

    /// <summary>
    /// Checks the nesting and the kind of the value at <paramref name="reader"/>: every value is a number, a list or
    /// an object, nested no deeper than the text form allows (which keeps the recursion far from the stack's limit).
    /// </summary>
    /// <returns>False (reported) for a value of another kind, which is a single token: nothing to step over.</returns>
    private bool Enter(ref Utf8JsonReader reader)
    {
        if (reader.CurrentDepth - rootDepth >= SyntaxParser.MaxDepth)
        {
            // Stops the reading: stepping over the value would walk the nesting the limit is there to refuse.
            Report($"lists and schedule objects nest deeper than {SyntaxParser.MaxDepth} levels (schedules nest at most Sched.MaxDepth = {SchedDsl.Sched.MaxDepth})");
            throw Problems(problems!);
        }
        var kind = reader.TokenType switch
        {
            JsonTokenType.Number or JsonTokenType.StartArray or JsonTokenType.StartObject => null,
            JsonTokenType.String => "string",
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => "null",
        };
        if (kind is not null)
        {
            Report($"expected a number, a list or an object with \"{SchedJsonWriter.FunctionKey}\", got {kind}");
            return false;
        }
        return true;
    }

    /// <summary>The JSON number at <paramref name="reader"/>; past double's range it is ±∞ (then "must be a finite number").</summary>
    private static double Number(ref Utf8JsonReader reader)
    {
        if (reader.TryGetDouble(out var value))
        {
            return value;
        }
        ReadOnlySpan<byte> text = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;
        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>Records a problem with the value being read, at its path.</summary>
    private void Report(string message) => (problems ??= []).Add($"{places.Path()}: {message}");

    /// <summary>Records a problem at the property <paramref name="property"/> of the object being read.</summary>
    private void ReportAt(string property, string message) => (problems ??= []).Add($"{places.Path()}.{property}: {message}");

    private static bool IsName(ReadOnlySpan<char> name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && !name.ContainsAnyExcept(NameChars);

    private static readonly System.Buffers.SearchValues<char> NameChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
}
