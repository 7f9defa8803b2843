namespace SchedDsl.Torch;

/// <summary>
/// A hook into the <see cref="Learner"/>'s training loop, with fastai's events. Override what you need; callbacks
/// run in ascending <see cref="Order"/> (fastai's <c>order</c>), then in the order given.
/// </summary>
/// <remarks>
/// Events per fit: <c>BeforeFit</c>, then per epoch <c>BeforeEpoch</c>, per batch <c>BeforeBatch</c>/<c>AfterBatch</c>
/// (the batch's scheduled values are already in the optimizer when <c>BeforeBatch</c> runs: see <see cref="FitContext.Hypers"/>),
/// <c>BeforeValidate</c>/<c>AfterValidate</c> (when there is validation data), <c>AfterEpoch</c>, and <c>AfterFit</c>
/// (also after <see cref="FitContext.RequestStop"/>, not after an exception). To stop early, call
/// <see cref="FitContext.RequestStop"/> (fastai's <c>CancelFitException</c>).
/// </remarks>
public abstract class Callback
{
    /// <summary>The run order; lower runs first. <see cref="ReduceLrOnPlateau"/> is 20, <see cref="CheckpointCallback"/> 90.</summary>
    public virtual int Order => 0;

    /// <summary>Before the first epoch (fastai's <c>before_fit</c>).</summary>
    public virtual void BeforeFit(FitContext context)
    {
    }

    /// <summary>At the start of every epoch.</summary>
    public virtual void BeforeEpoch(FitContext context)
    {
    }

    /// <summary>Before each training batch's forward pass.</summary>
    public virtual void BeforeBatch(FitContext context)
    {
    }

    /// <summary>After each training batch's optimizer step; <see cref="FitContext.Loss"/> holds its loss.</summary>
    public virtual void AfterBatch(FitContext context)
    {
    }

    /// <summary>Before the validation pass.</summary>
    public virtual void BeforeValidate(FitContext context)
    {
    }

    /// <summary>After the validation pass; <see cref="FitContext.LastEpoch"/> is not yet set.</summary>
    public virtual void AfterValidate(FitContext context)
    {
    }

    /// <summary>At the end of every epoch; <see cref="FitContext.LastEpoch"/> holds its results row.</summary>
    public virtual void AfterEpoch(FitContext context)
    {
    }

    /// <summary>After the last epoch, or after a requested stop.</summary>
    public virtual void AfterFit(FitContext context)
    {
    }
}
