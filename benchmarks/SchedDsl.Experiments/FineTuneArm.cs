using SchedDsl.Torch;

namespace SchedDsl.Experiments;

/// <summary>
/// One way to fine-tune in experiment 3. The three hand-written arms run what fastbook writes: the frozen phase of
/// <c>FineTune</c> exactly (<c>Freeze</c>, <c>FitOneCycle(1, slice(baseLr), pctStart: 0.99)</c>), <c>Unfreeze</c>, then
/// <c>FitOneCycle(epochs, lr)</c> with the arm's lr and the method's defaults. The last arm is <c>FineTune</c> itself,
/// whose unfrozen phase is <c>slice(lr/100, lr)</c> with its own warm-up (pctStart 0.3, div 5).
/// </summary>
internal sealed record FineTuneArm(string Name, Func<double, Hyper>? UnfrozenLr)
{
    /// <summary>fastai's <c>fine_tune</c> default base lr; the unfrozen phase peaks at half of it, <see cref="UnfrozenPeak"/>.</summary>
    public const double BaseLr = 2e-3;

    public const double UnfrozenPeak = BaseLr / 2;

    public static IReadOnlyList<FineTuneArm> All { get; } =
    [
        new("one lr for all groups", lr => lr),
        new("slice(lr/100, lr) (fastai v2)", lr => Hyper.Slice(lr / 100, lr)),
        new("slice_v1(lr) (v1: lr/3 below the head)", lr => Hyper.Slice(lr, SliceRule.FastaiV1)),
        new("FineTune (fastai's recipe)", null),
    ];

    /// <summary>Runs both phases; the frozen phase's recorder, then the unfrozen one's.</summary>
    public FineTuneResult Fit(Learner learn, int epochs)
    {
        if (UnfrozenLr is null)
        {
            return learn.FineTune(epochs, BaseLr);
        }
        learn.Freeze();
        var frozen = learn.FitOneCycle(1, Hyper.Slice(BaseLr), pctStart: 0.99);
        learn.Unfreeze();
        var unfrozen = learn.FitOneCycle(epochs, UnfrozenLr(UnfrozenPeak));
        return new FineTuneResult(frozen, unfrozen);
    }

    /// <summary>The unfrozen phase's peak lr per layer group (first group first), for the table.</summary>
    public IReadOnlyList<double> PeaksPerGroup(int groups) =>
        (UnfrozenLr?.Invoke(UnfrozenPeak) ?? Hyper.Slice(UnfrozenPeak / 100, UnfrozenPeak)).ForGroups(groups);
}
