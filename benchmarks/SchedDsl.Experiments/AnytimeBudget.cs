namespace SchedDsl.Experiments;

/// <summary>
/// How much experiments 4–7 train (the cooldown and clock experiments of issue 20): the one place their sizes are
/// defined. They share the seeds, the model and the optimizer of <see cref="Budget"/>, but train a subset of its
/// images at a fixed peak lr, so that three budgets, their cooldowns and six batchings fit a 2-core machine.
/// </summary>
/// <param name="TrainImages">Experiments 4–6: the first training images of the loaded set; a multiple of <see cref="BatchSize"/> × <see cref="CooldownDivisor"/>, so every cooldown is whole batches.</param>
/// <param name="TestImages">The first test images, the validation set of experiments 4–7.</param>
/// <param name="BatchSize">Experiments 4–6's batch size (experiment 7 sets its own).</param>
/// <param name="Budgets">The three training budgets in epochs, shortest first.</param>
/// <param name="ClockTrainImages">Experiment 7: training images; not a multiple of 32, so every epoch ends on a partial batch.</param>
/// <param name="ClockEpochs">Experiment 7: epochs of each arm.</param>
internal sealed record AnytimeBudget(int TrainImages, int TestImages, int BatchSize, IReadOnlyList<int> Budgets, int ClockTrainImages, int ClockEpochs)
{
    /// <summary>The peak (and trunk) lr of every arm: near the finder's stable <c>slide</c> suggestion (1.1e-2 for four seeds of five, docs/results.md) and the demo's lr; not tuned per arm.</summary>
    public const double PeakLr = 1e-2;

    /// <summary>A cooldown is a fifth of its budget (Hägele et al. 2024 found 20 % enough to match cosine).</summary>
    public const int CooldownDivisor = 5;

    /// <summary>CI: proves the pipeline in seconds; the numbers mean nothing.</summary>
    public static AnytimeBudget Quick { get; } = new(640, 1_000, 64, [1, 2, 4], 500, 2);

    /// <summary>What docs/results.md shows: budgets of 1, 2 and 4 epochs of 5,120 images.</summary>
    public static AnytimeBudget Default { get; } = new(5_120, 5_000, 128, [1, 2, 4], 5_000, 2);

    /// <summary>Twice the data and the test set (and the full budget's ten seeds).</summary>
    public static AnytimeBudget Full { get; } = new(10_240, 10_000, 128, [1, 2, 4], 10_000, 2);

    /// <summary>The sizes that go with <paramref name="budget"/> (quick, default or full).</summary>
    public static AnytimeBudget For(Budget budget) =>
        budget == Budget.Quick ? Quick : budget == Budget.Full ? Full : Default;

    /// <summary>Batches in an epoch of experiments 4–6 (whole batches: the source drops none, there being no partial one).</summary>
    public int BatchesPerEpoch => TrainImages / BatchSize;

    /// <summary>The longest budget, in epochs.</summary>
    public int Longest => Budgets[^1];

    /// <summary>A budget of <paramref name="epochs"/> in batches.</summary>
    public int Batches(int epochs) => epochs * BatchesPerEpoch;

    /// <summary>The cooldown of a budget of <paramref name="epochs"/>: its last fifth, in batches.</summary>
    public int CooldownBatches(int epochs) => Batches(epochs) / CooldownDivisor;

    /// <summary>Where a budget's branch leaves the trunk, in batches.</summary>
    public int BranchBatch(int epochs) => Batches(epochs) - CooldownBatches(epochs);

    /// <summary>Every branch point is a multiple of this: the trunk checkpoints every so many batches.</summary>
    public int CheckpointEvery => BranchBatch(Budgets[0]);

    /// <summary>How far the trunk trains: the last branch point, in batches.</summary>
    public int TrunkBatches => BranchBatch(Longest);

    /// <summary>"1 epoch", "2 epochs".</summary>
    public static string EpochsText(int epochs) => epochs == 1 ? "1 epoch" : $"{epochs} epochs";

    /// <summary>A count of batches as epochs, for text and pictures.</summary>
    public double Epochs(int batches) => (double)batches / BatchesPerEpoch;
}
