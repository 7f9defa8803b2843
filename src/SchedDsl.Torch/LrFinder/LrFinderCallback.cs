namespace SchedDsl.Torch;

/// <summary>
/// fastai's <c>LRFinder</c> stopping rule: after each batch, stop when <c>numIt</c> batches are done, or (with
/// <c>stopDiv</c>) when the smoothed loss exceeds 4× its best or is not finite.
/// </summary>
internal sealed class LrFinderCallback(int numIt, bool stopDiv) : Callback
{
    private double _best = double.PositiveInfinity;

    public bool Diverged { get; private set; }

    public override int Order => 30;

    public override void AfterBatch(FitContext context)
    {
        var smooth = context.SmoothLoss;
        if (smooth < _best)
        {
            _best = smooth;
        }
        if (stopDiv && (!double.IsFinite(smooth) || smooth > 4 * _best))
        {
            Diverged = true;
            context.RequestStop();
        }
        if (context.Iteration >= numIt)
        {
            context.RequestStop();
        }
    }
}
