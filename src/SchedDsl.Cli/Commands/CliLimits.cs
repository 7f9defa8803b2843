namespace SchedDsl.Cli.Commands;

/// <summary>
/// The bounds on counts the user types. Each keeps a typo (<c>--steps 2000000000</c>) from allocating gigabytes;
/// the messages name the bound from here.
/// </summary>
internal static class CliLimits
{
    /// <summary>The most positions <c>eval</c> and <c>plot</c> compute: 1,000,000 (a JSON array of about 20 MB).</summary>
    public const int MaxSteps = 1_000_000;

    /// <summary>The most parameter groups <c>--groups</c> takes.</summary>
    public const int MaxGroups = 10_000;
}
