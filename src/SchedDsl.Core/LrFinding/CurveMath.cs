namespace SchedDsl.LrFinding;

/// <summary>
/// The few tensor/numpy operations the suggestion functions use, with the semantics of the library fastai calls
/// (PyTorch 1.13 / numpy), in double. Private iteration helpers: callers have checked their arguments.
/// </summary>
internal static class CurveMath
{
    /// <summary>
    /// <c>torch.argmin</c>: the index of the first NaN if there is one (torch propagates NaN as the minimum),
    /// otherwise of the first smallest value.
    /// </summary>
    public static int ArgMin(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                return i;
            }
            if (values[i] < values[best])
            {
                best = i;
            }
        }
        return best;
    }

    /// <summary>
    /// fastai's <c>min(range(len(lrs)), key=lambda i: abs(lrs[i]-lr))</c>: the first index whose lr is nearest
    /// <paramref name="lr"/>.
    /// </summary>
    public static int Nearest(ReadOnlySpan<double> lrs, double lr)
    {
        var best = 0;
        for (var i = 1; i < lrs.Length; i++)
        {
            if (Math.Abs(lrs[i] - lr) < Math.Abs(lrs[best] - lr))
            {
                best = i;
            }
        }
        return best;
    }

    /// <summary><c>np.gradient(values)[i]</c> at unit spacing: one-sided at the ends, central inside. Needs 2+ values.</summary>
    public static double Gradient(ReadOnlySpan<double> values, int i)
    {
        var last = values.Length - 1;
        return i == 0 ? values[1] - values[0]
            : i == last ? values[last] - values[last - 1]
            : (values[i + 1] - values[i - 1]) / 2.0;
    }

    /// <summary>
    /// <c>np.interp(log10(lr), log10(lrs), losses)</c> for increasing <paramref name="lrs"/>: the end values outside
    /// the range, the value itself on a grid point, else the straight line between the neighbours (numpy's
    /// <c>arr_interp</c>, including its retry from the right neighbour when the left gives NaN).
    /// </summary>
    public static double InterpLog10(double lr, ReadOnlySpan<double> lrs, ReadOnlySpan<double> losses)
    {
        var x = Math.Log10(lr);
        var last = lrs.Length - 1;
        if (double.IsNaN(x))
        {
            return x;
        }
        if (x > Math.Log10(lrs[last]))
        {
            return losses[last];
        }
        if (x < Math.Log10(lrs[0]))
        {
            return losses[0];
        }
        int low = 0, high = lrs.Length;
        while (low < high)
        {
            var mid = low + ((high - low) >> 1);
            if (x >= Math.Log10(lrs[mid]))
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        var j = low - 1;
        var xj = Math.Log10(lrs[j]);
        if (j == last || xj == x)
        {
            return losses[j];
        }
        var xk = Math.Log10(lrs[j + 1]);
        var slope = (losses[j + 1] - losses[j]) / (xk - xj);
        var y = (slope * (x - xj)) + losses[j];
        if (double.IsNaN(y))
        {
            y = (slope * (x - xk)) + losses[j + 1];
            if (double.IsNaN(y) && losses[j] == losses[j + 1])
            {
                y = losses[j];
            }
        }
        return y;
    }
}
