namespace SchedDsl.Experiments;

/// <summary>
/// The prediction study's size at each budget. It trains five schedules per seed and fits a law per seed, so its
/// default is smaller than experiment 2's: 20,000 training images, 3 epochs, 3 seeds, about 3 minutes on 2 quiet cores.
/// </summary>
/// <param name="TrainImages">Training images (the first ones of the budget's data).</param>
/// <param name="ValidImages">Test images used as the validation set (not used by the study, but every fit validates).</param>
/// <param name="Epochs">Epochs of every run.</param>
/// <param name="Seeds">The seeds.</param>
/// <param name="PeakLr">The peak learning rate of every schedule (AdamW).</param>
internal sealed record PredictionBudget(int TrainImages, int ValidImages, int Epochs, IReadOnlyList<int> Seeds, double PeakLr)
{
    /// <summary>The first step whose loss the law is fitted to and compared at: the first 10 % of a run is left out, where the loss falls from ln 10 faster than any power of the area (and WSD warms up).</summary>
    public const double SkippedFraction = 0.1;

    public static PredictionBudget For(Budget budget) => budget.Name switch
    {
        "quick" => new(budget.TrainImages, budget.TestImages, 1, budget.Seeds, 2e-3),
        "full" => new(budget.TrainImages, budget.TestImages, 6, budget.Seeds, 2e-3),
        _ => new(20_000, 2_000, 3, [0, 1, 2], 2e-3),
    };

    public static int FirstStep(int totalSteps) => Math.Max(1, (int)(totalSteps * SkippedFraction) + 1);
}
