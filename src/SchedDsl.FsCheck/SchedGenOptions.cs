namespace SchedDsl.Testing;

/// <summary>What <see cref="SchedGen"/> generates: the range of every value a schedule takes, and per-group values.</summary>
/// <remarks>
/// <para>
/// <see cref="Values"/> bounds the schedule, not only its arguments: learning rates, endpoints and momenta are drawn
/// from it, and a candidate whose values leave it anywhere on [0, 1] (a <c>div</c> below 1, a growing decay) is
/// drawn again. So <c>SchedGen.Any(new() { Values = (1e-6, 1e-1) })</c> reads "any schedule whose lr stays in
/// [1e-6, 1e-1]".
/// </para>
/// <para>Thread-safety: immutable.</para>
/// </remarks>
public sealed record SchedGenOptions
{
    /// <summary>The defaults: values in [-1000, 1000] and per-group values for three groups.</summary>
    public static SchedGenOptions Default { get; } = new();

    /// <summary>
    /// The closed range every value of a generated schedule lies in (checked at every join and on a fine grid).
    /// Functions whose arguments must be positive (<c>exp</c>) draw from its positive part.
    /// </summary>
    public (double Min, double Max) Values { get; init; } = (-1000, 1000);

    /// <summary>
    /// Parameter groups for per-group values: lists have this many entries, and slices appear. 1 means scalar values
    /// only. The laws take the same count (<see cref="SchedLaws"/>' <c>groupCount</c>).
    /// </summary>
    public int GroupCount { get; init; } = SchedLaws.DefaultGroupCount;
}
