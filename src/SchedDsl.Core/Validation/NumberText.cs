namespace SchedDsl.Validation;

/// <summary>Formats numbers the way the text form and error messages show them (see <see cref="Text.TextNumbers"/>).</summary>
internal static class NumberText
{
    public static string Format(double value) => Text.TextNumbers.Format(value);

    /// <summary>A number a message computed, rounded (<see cref="Text.TextNumbers.Computed"/>).</summary>
    public static string Computed(double value) => Text.TextNumbers.Computed(value);
}
