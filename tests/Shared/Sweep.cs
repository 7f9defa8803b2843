namespace SchedDsl.Tests.Shared;

/// <summary>
/// (Linked into several test projects.) How many random cases the robustness sweeps try: a CI-sized count by
/// default (CI has 2 cores), the larger count when the environment sets <c>SCHEDDSL_SWEEP=large</c> for a local
/// run. docs/robustness.md lists both counts for every sweep.
/// </summary>
internal static class Sweep
{
    public const string Variable = "SCHEDDSL_SWEEP";

    public static bool Large { get; } = string.Equals(Environment.GetEnvironmentVariable(Variable), "large", StringComparison.OrdinalIgnoreCase);

    /// <summary><paramref name="ci"/>, or <paramref name="large"/> under <c>SCHEDDSL_SWEEP=large</c>.</summary>
    public static int Count(int ci, int large) => Large ? large : ci;
}
