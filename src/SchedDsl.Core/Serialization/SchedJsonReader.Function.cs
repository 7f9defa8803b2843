using System.Text.Json;

namespace SchedDsl.Serialization;

/// <summary>Finding a schedule object's <c>"fn"</c>.</summary>
internal sealed partial class SchedJsonReader
{
    /// <summary>
    /// The function the object at <paramref name="reader"/> (on its <c>{</c>) names, leaving the reader on the first
    /// argument's name (or the <c>}</c>); null (reported) when <c>"fn"</c> is missing, not a name or given twice.
    /// <paramref name="fnRead"/> says whether <c>"fn"</c> was consumed: it is when it comes first, as the writer puts
    /// it, and then nothing is copied; otherwise the reader is copied at the first property, <c>"fn"</c> is looked for
    /// ahead of it, and it is skipped when met.
    /// </summary>
    private JsonFunction? Function(ref Utf8JsonReader reader, out bool fnRead)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(FunctionKey))
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.String && Find(ref reader) is { } first)
            {
                reader.Read();
                fnRead = true;
                return first;
            }
            // Not a name: an error whatever follows (a later "fn" makes two); the last "fn" decides which.
            var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            reader.Skip();
            reader.Read();
            fnRead = true;
            return OnlyFunctionKey(reader, value, 1) is null ? null : throw new InvalidOperationException(
                "an object whose first \"fn\" is not a name passed the check that rejects it");
        }
        // Looked for on a copy: the reader stays on the first property, where the arguments are read from.
        fnRead = false;
        return OnlyFunctionKey(reader, null, 0) is { } name ? JsonFunction.Find(name, custom) : null;
    }

    /// <summary>What a property of a schedule object is to the loop that reads its arguments.</summary>
    private enum FunctionKeyUse
    {
        /// <summary>Not <c>"fn"</c>: an argument.</summary>
        Argument,

        /// <summary>The one <c>"fn"</c>, stepped over.</summary>
        Skipped,

        /// <summary>A second <c>"fn"</c>: reported, and the rest of the object stepped over.</summary>
        Twice,
    }

    /// <summary>
    /// Steps over the <c>"fn"</c> property <paramref name="reader"/> is on, if it is one; a second one is reported and
    /// the rest of the object stepped over (the reader is then on its <c>}</c>).
    /// </summary>
    private FunctionKeyUse SkipFunctionKey(ref Utf8JsonReader reader, ref bool fnRead)
    {
        if (!reader.ValueTextEquals(FunctionKey))
        {
            return FunctionKeyUse.Argument;
        }
        if (fnRead)
        {
            if (OnlyFunctionKey(reader, null, 1) is not null)
            {
                throw new InvalidOperationException("an object with two \"fn\" keys passed the check that rejects it");
            }
            SkipRest(ref reader);
            return FunctionKeyUse.Twice;
        }
        fnRead = true;
        reader.Read();
        reader.Read();
        return FunctionKeyUse.Skipped;
    }

    /// <summary>
    /// The name of an object whose <c>"fn"</c> is given once and is a name; else null, with the problem reported.
    /// <paramref name="reader"/> (a copy: this reads ahead) is on a property name (or the <c>}</c>);
    /// <paramref name="name"/> and <paramref name="count"/> say what the properties before it held.
    /// </summary>
    private string? OnlyFunctionKey(Utf8JsonReader reader, string? name, int count)
    {
        // The last "fn" names the function, as when the object was read into a dictionary; property names are compared
        // unescaped, so "\u0066n" counts as "fn" too.
        while (reader.TokenType == JsonTokenType.PropertyName)
        {
            var isFunction = reader.ValueTextEquals(FunctionKey);
            reader.Read();
            if (isFunction)
            {
                count++;
                name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            reader.Skip();
            reader.Read();
        }
        if (name is null || !IsName(name))
        {
            Report($"a schedule object needs \"{SchedJsonWriter.FunctionKey}\": the function's name, e.g. \"one_cycle\"");
            return null;
        }
        if (count != 1)
        {
            ReportAt(SchedJsonWriter.FunctionKey, $"a schedule object names its function once, got \"{SchedJsonWriter.FunctionKey}\" {count} times");
            return null;
        }
        return name;
    }

    /// <summary>The function named by the string at <paramref name="reader"/>, or null when it is not a name.</summary>
    private JsonFunction? Find(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > 64)
        {
            // Longer than any declared name: no stack copy.
            var name = reader.GetString()!;
            return IsName(name) ? JsonFunction.Find(name, custom) : null;
        }
        // Unescaped, a name is no longer in chars than its UTF-8 bytes.
        Span<char> buffer = stackalloc char[64];
        var chars = buffer[..reader.CopyString(buffer)];
        return IsName(chars) ? JsonFunction.Find(chars, custom) : null;
    }
}
