namespace SchedDsl.Experiments;

/// <summary>One training run of one arm at one seed: it stores its own result and returns a line for the log.</summary>
/// <param name="Label">What runs, e.g. <c>seed 1, experiment 2: cosine</c>.</param>
/// <param name="Run">Trains on the given lane and returns the outcome in words.</param>
internal sealed partial record Job(string Label, Func<Lane, string> Run)
{
    /// <summary>The label as a file name: lower case, runs of anything but letters and digits made one dash.</summary>
    public string FileName => NotWordLike().Replace(Label.ToLowerInvariant(), "-").Trim('-');

    [System.Text.RegularExpressions.GeneratedRegex("[^a-z0-9.]+")]
    private static partial System.Text.RegularExpressions.Regex NotWordLike();
}
