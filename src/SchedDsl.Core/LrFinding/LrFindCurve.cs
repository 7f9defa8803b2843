using SchedDsl.Validation;

namespace SchedDsl.LrFinding;

/// <summary>
/// A learning-rate finder's recorded curve as plain data: the learning rate and smoothed loss of each batch, and the
/// number of batches asked for (fastai's <c>num_it</c>, which trimming needs: a run that stopped early has fewer points).
/// What SchedDsl.Torch's <c>LrFindResult.Curve</c> gives, SchedDsl.Plotting draws (<c>curve.PlotLrFind(path)</c>),
/// and <c>schedsl suggest</c> reads as JSON (<see cref="ToJson"/>, <see cref="FromJson"/>).
/// </summary>
/// <remarks>Immutable (the lists are copied); thread-safe.</remarks>
public sealed partial class LrFindCurve
{
    private readonly double[] _lrs;
    private readonly double[] _losses;

    /// <summary>Creates a curve from copies of <paramref name="lrs"/> and <paramref name="losses"/>.</summary>
    /// <param name="lrs">The learning rate of each batch.</param>
    /// <param name="losses">The smoothed loss after each batch, NaN where it diverged.</param>
    /// <param name="numIt">The number of batches the finder was asked for, &gt;= 0.</param>
    /// <exception cref="SchedArgumentException">Different lengths, or <paramref name="numIt"/> &lt; 0.</exception>
    public LrFindCurve(IReadOnlyList<double> lrs, IReadOnlyList<double> losses, int numIt)
    {
        ArgumentNullException.ThrowIfNull(lrs);
        ArgumentNullException.ThrowIfNull(losses);
        _lrs = [.. lrs];
        _losses = [.. losses];
        CurveCheck.SameLength("lr_find", _lrs, _losses);
        Require.AtLeast("lr_find", "num_it", numIt, 0);
        NumIt = numIt;
    }

    /// <summary>The learning rate of each batch.</summary>
    public IReadOnlyList<double> Lrs => _lrs;

    /// <summary>The smoothed loss after each batch.</summary>
    public IReadOnlyList<double> Losses => _losses;

    /// <summary>The number of batches the finder was asked for (fastai's <c>num_it</c>); more than the points when it stopped early.</summary>
    public int NumIt { get; }

    /// <summary>
    /// fastai's four suggestions on the curve trimmed as <c>lr_find</c> trims it (<see cref="LrCurve.Trim"/>), each
    /// with its index and point on the trimmed curve; null when fewer than 2 points remain (<c>steep</c> needs 2).
    /// </summary>
    /// <exception cref="SchedArgumentException">A learning rate not finite and &gt; 0, or every loss NaN.</exception>
    public LrSuggestionSet? Suggest()
    {
        var (lrs, losses) = LrCurve.Trim(_lrs, _losses, NumIt);
        return lrs.Length < LrSuggestions.RequiredPoints(LrSuggestionMethod.Steep) ? null : LrSuggestions.All(lrs, losses);
    }
}
