namespace SchedDsl.Torch;

/// <summary>
/// What a fit's clock counts: the unit in which every schedule's position is measured (docs/training.md, "The clock").
/// Position = units done before the batch / the fit's total units.
/// </summary>
public enum ClockUnit
{
    /// <summary>Training batches (the default; fastai's <c>pct_train</c>): batch <c>i</c> of <c>n</c> trains at <c>i/n</c>.</summary>
    Batches,

    /// <summary>
    /// Optimizer updates actually applied, over the updates the fit plans: a batch whose gradients are only accumulated
    /// (<see cref="Learner.AccumulateSamples"/>) or whose update is skipped (<see cref="Learner.SkipNonFiniteUpdates"/>)
    /// does not advance it.
    /// </summary>
    Updates,

    /// <summary>
    /// Samples seen before the batch, over the fit's samples; the last partial batch counts its real size, so a schedule
    /// means the same at any batch size. Needs the training data's <see cref="IBatchSource.BatchSizes"/>.
    /// </summary>
    Samples,

    /// <summary>Epochs: a staircase that moves only at epoch boundaries (PyTorch's per-epoch schedulers, timm's <c>t_in_epochs</c>).</summary>
    Epochs,

    /// <summary>
    /// Tokens seen before the batch, over the fit's tokens: <see cref="Samples"/> for sequence models, each batch counted
    /// by <see cref="Learner.TokensPerBatch"/>. The fit's total is its epochs times the tokens of one epoch, which the
    /// learner counts over the training data when the fit starts.
    /// </summary>
    Tokens,
}
