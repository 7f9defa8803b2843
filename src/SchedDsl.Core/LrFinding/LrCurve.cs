using SchedDsl.Validation;

namespace SchedDsl.LrFinding;

/// <summary>
/// What fastai's <c>Learner.lr_find</c> does to the recorded curve before it suggests:
/// <c>lrs[num_it//10:-5]</c>, <c>losses[num_it//10:-5]</c>, then both cut at the first NaN loss. The first points
/// (learning rates too small to move the loss) and the last five (where a diverging loss shoots up) would mislead
/// the suggestions.
/// </summary>
/// <remarks>
/// Note that fastai drops <c>num_it // 10</c> points, a tenth of the batches asked for, not of the points recorded:
/// a run that stopped early loses the same number. Only NaN cuts, not ±∞, as in fastai. Pure; thread-safe.
/// </remarks>
public static class LrCurve
{
    /// <summary>The part of the curve <c>lr_find</c> keeps, as a range into <paramref name="lrs"/> and <paramref name="losses"/> (empty when nothing is left).</summary>
    /// <param name="lrs">The recorded learning rates.</param>
    /// <param name="losses">The recorded losses, one per learning rate.</param>
    /// <param name="numIt">The number of iterations the LR finder was asked for (fastai's <c>num_it</c>), &gt;= 0.</param>
    /// <exception cref="SchedArgumentException">Different lengths, or <paramref name="numIt"/> &lt; 0.</exception>
    public static Range TrimmedRange(ReadOnlySpan<double> lrs, ReadOnlySpan<double> losses, int numIt)
    {
        CurveCheck.SameLength("lr_find", lrs, losses);
        Require.AtLeast("lr_find", "num_it", numIt, 0);
        var start = Math.Min(numIt / 10, losses.Length);
        var stop = Math.Max(losses.Length - 5, start);
        for (var i = start; i < stop; i++)
        {
            if (double.IsNaN(losses[i]))
            {
                stop = i;
                break;
            }
        }
        return start..stop;
    }

    /// <summary>The curve <c>lr_find</c> suggests from: copies of the points in <see cref="TrimmedRange"/>.</summary>
    /// <inheritdoc cref="TrimmedRange" path="/param"/>
    /// <exception cref="SchedArgumentException">Different lengths, or <paramref name="numIt"/> &lt; 0.</exception>
    public static (double[] Lrs, double[] Losses) Trim(ReadOnlySpan<double> lrs, ReadOnlySpan<double> losses, int numIt)
    {
        var range = TrimmedRange(lrs, losses, numIt);
        return (lrs[range].ToArray(), losses[range].ToArray());
    }
}
