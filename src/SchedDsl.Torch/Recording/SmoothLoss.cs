namespace SchedDsl.Torch;

/// <summary>
/// fastai's <c>AvgSmoothLoss</c>: an exponential moving average of the batch losses, <c>val = beta*val + (1-beta)*loss</c>
/// from <c>val = 0</c>, de-biased as <c>val / (1 - beta^count)</c>. Its state goes into checkpoints, so a resumed fit
/// reports the same smoothed losses.
/// </summary>
internal sealed class SmoothLoss(double beta)
{
    public double Beta => beta;

    public double Raw { get; private set; }

    public int Count { get; private set; }

    public double Value => Count == 0 ? double.NaN : Raw / (1 - Math.Pow(beta, Count));

    public void Add(double loss)
    {
        Count++;
        Raw = (beta * Raw) + ((1 - beta) * loss);
    }

    public void Restore(double raw, int count) => (Raw, Count) = (raw, count);
}
