namespace SchedDsl.Generators;

/// <summary>Names of the tracked pipeline steps, asserted Cached/Unchanged by the incrementality tests.</summary>
internal static class TrackingNames
{
    public const string Declared = nameof(Declared);
    public const string Optimizer = nameof(Optimizer);
    public const string SchedText = nameof(SchedText);
    public const string SchedTextBound = nameof(SchedTextBound);
}
