using SchedDsl.Text;

namespace SchedDsl.Serialization;

/// <summary>What a schedule object's <c>"fn"</c> names.</summary>
internal enum JsonFunctionKind
{
    /// <summary>A function of <see cref="FunctionTable"/>.</summary>
    Declared,

    /// <summary>A user annealer the caller passed.</summary>
    Custom,

    /// <summary><c>slice</c>: a per-group value, not a call.</summary>
    Slice,

    /// <summary><c>slice_v1</c>.</summary>
    SliceV1,

    /// <summary>None of these (an error where a schedule is expected).</summary>
    Unknown,
}

/// <summary>The function a schedule object names, looked up from its name's characters without making a string.</summary>
internal readonly record struct JsonFunction(JsonFunctionKind Kind, FunctionSpec? Spec, AnnealerFactory? Custom, string? UnknownName)
{
    // The declarations by name, searchable by a span of the name's characters.
    private static readonly Dictionary<string, FunctionSpec>.AlternateLookup<ReadOnlySpan<char>> Declarations =
        FunctionTable.Declarations.ToDictionary(d => d.Name, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public static JsonFunction Find(ReadOnlySpan<char> name, AnnealerFactory[] custom)
    {
        if (name is "slice")
        {
            return new(JsonFunctionKind.Slice, null, null, null);
        }
        if (name is "slice_v1")
        {
            return new(JsonFunctionKind.SliceV1, null, null, null);
        }
        if (Declarations.TryGetValue(name, out var spec))
        {
            return new(JsonFunctionKind.Declared, spec, null, null);
        }
        // The last factory of a name wins, as in Sched.Parse's table of user annealers; built-in names were found above.
        for (var i = custom.Length - 1; i >= 0; i--)
        {
            if (custom[i] is { } factory && name.SequenceEqual(factory.Name))
            {
                return new(JsonFunctionKind.Custom, factory.Spec, factory, null);
            }
        }
        return new(JsonFunctionKind.Unknown, null, null, name.ToString());
    }
}
