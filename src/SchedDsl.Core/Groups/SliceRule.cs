namespace SchedDsl;

/// <summary>
/// How <c>slice(stop)</c> (a slice without a start) spreads over parameter groups.
/// <c>slice(start, stop)</c> is <see cref="Discriminative.EvenMults"/> under both rules.
/// </summary>
public enum SliceRule
{
    /// <summary>fastai v2 (<c>Optimizer.set_hyper</c>): <c>[stop/10]*(n-1) + [stop]</c>. The default.</summary>
    FastaiV2,

    /// <summary>fastai v1 (<c>Learner.lr_range</c>): <c>[stop/3]*(n-1) + [stop]</c>.</summary>
    FastaiV1,
}
