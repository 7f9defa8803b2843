namespace SchedDsl.Torch;

/// <summary>
/// fastai's <c>AvgSmoothLoss</c>: an exponential moving average of the batch losses, <c>val = beta*val + (1-beta)*loss</c>
/// from <c>val = 0</c>, de-biased as <c>val / (1 - beta^count)</c>.
/// </summary>
internal sealed class SmoothLoss(double beta)
{
    private double _val;
    private int _count;

    public double Value => _count == 0 ? double.NaN : _val / (1 - Math.Pow(beta, _count));

    public void Add(double loss)
    {
        _count++;
        _val = (beta * _val) + ((1 - beta) * loss);
    }
}
