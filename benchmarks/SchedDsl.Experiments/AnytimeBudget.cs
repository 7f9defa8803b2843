namespace SchedDsl.Experiments;

/// <summary>
/// How much experiments 4–7 train (the cooldown and clock experiments of issue 20): the one place their sizes are
/// defined. They share the seeds, the model and the optimizer of <see cref="Budget"/>, but train a subset of its
/// images for longer, at a fixed peak lr, so that three budgets and their cooldowns fit a 2-core machine.
/// </summary>
/// <param name="TrainImages">The first training images of the loaded set that these experiments train on.</param>
/// <param name="Budgets">The three training budgets in epochs, shortest first; each a multiple of <see cref="CooldownDivisor"/>.</param>
/// <param name="ClockEpochs">Experiment 7: epochs of each batch-size arm.</param>
internal sealed record AnytimeBudget(int TrainImages, IReadOnlyList<int> Budgets, int ClockEpochs)
{
    /// <summary>The peak (and trunk) lr of every arm: near the finder's stable <c>slide</c> suggestion (1.1e-2 for four seeds of five, docs/results.md) and the demo's lr; not tuned per arm.</summary>
    public const double PeakLr = 1e-2;

    /// <summary>A cooldown is a fifth of its budget (Hägele et al. 2024 found 20 % enough to match cosine).</summary>
    public const int CooldownDivisor = 5;

    /// <summary>The cooldown share as a fraction, for text.</summary>
    public const double CooldownShare = 1.0 / CooldownDivisor;

    /// <summary>CI: proves the pipeline in seconds; the numbers mean nothing.</summary>
    public static AnytimeBudget Quick { get; } = new(500, [5, 10, 15], 2);

    /// <summary>What docs/results.md shows: 10k images, budgets of 5, 10 and 15 epochs.</summary>
    public static AnytimeBudget Default { get; } = new(10_000, [5, 10, 15], 5);

    /// <summary>More data per epoch; the seeds are the full budget's ten.</summary>
    public static AnytimeBudget Full { get; } = new(20_000, [5, 10, 15], 5);

    /// <summary>The sizes that go with <paramref name="budget"/> (quick, default or full).</summary>
    public static AnytimeBudget For(Budget budget) =>
        budget == Budget.Quick ? Quick : budget == Budget.Full ? Full : Default;

    /// <summary>The longest budget: how far the trunk trains, up to its last branch point.</summary>
    public int Longest => Budgets[^1];

    /// <summary>The cooldown's length in epochs for a budget of <paramref name="epochs"/>.</summary>
    public static int CooldownEpochs(int epochs) => epochs / CooldownDivisor;

    /// <summary>Where a budget's branch leaves the trunk, in epochs.</summary>
    public static int BranchPoint(int epochs) => epochs - CooldownEpochs(epochs);
}
