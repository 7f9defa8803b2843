namespace SchedDsl.Torch;

/// <summary>
/// The learning rates fastai's <c>lr_find</c> suggests, computed on the recorded curve without its first
/// <c>num_it/10</c> points and last 5, cut at the first NaN.
/// </summary>
/// <param name="LrMin">One tenth of the learning rate at the lowest smoothed loss (fastai's <c>lr_min</c>, "Minimum/10").</param>
/// <param name="LrSteep">The learning rate where the loss falls fastest against <c>log(lr)</c> (fastai's <c>lr_steep</c>).</param>
/// <param name="Valley">fastai's <c>valley</c>: a point in the longest falling stretch of the curve.</param>
public sealed record LrSuggestions(double LrMin, double LrSteep, double Valley)
{
    /// <summary>Computes the suggestions, or null when too few points remain (fewer than 2).</summary>
    /// <param name="lrs">The learning rates, one per batch.</param>
    /// <param name="losses">The smoothed losses, one per batch.</param>
    /// <param name="numIt">The requested number of iterations (fastai drops <c>numIt/10</c> points, not a tenth of the points recorded).</param>
    public static LrSuggestions? Compute(IReadOnlyList<double> lrs, IReadOnlyList<double> losses, int numIt)
    {
        ArgumentNullException.ThrowIfNull(lrs);
        ArgumentNullException.ThrowIfNull(losses);
        var start = numIt / 10;
        var stop = Math.Min(lrs.Count, losses.Count) - 5;
        if (stop - start < 2)
        {
            return null;
        }
        var lr = new List<double>();
        var loss = new List<double>();
        for (var i = start; i < stop && !double.IsNaN(losses[i]); i++)
        {
            lr.Add(lrs[i]);
            loss.Add(losses[i]);
        }
        if (lr.Count < 2)
        {
            return null;
        }
        var min = 0;
        for (var i = 1; i < loss.Count; i++)
        {
            if (loss[i] < loss[min])
            {
                min = i;
            }
        }
        var steep = 0;
        var steepest = double.PositiveInfinity;
        for (var i = 0; i < loss.Count - 1; i++)
        {
            var slope = (loss[i + 1] - loss[i]) / (Math.Log(lr[i + 1]) - Math.Log(lr[i]));
            if (slope < steepest)
            {
                steepest = slope;
                steep = i;
            }
        }
        return new LrSuggestions(lr[min] / 10, lr[steep], lr[ValleyIndex(loss)]);
    }

    // fastai's valley: the longest decreasing subsequence, then a point 1/3 + 1/6 of the way into it.
    private static int ValleyIndex(List<double> losses)
    {
        var n = losses.Count;
        var lengths = Enumerable.Repeat(1, n).ToArray();
        int maxStart = 0, maxEnd = 0;
        for (var i = 1; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (losses[i] < losses[j] && lengths[i] < lengths[j] + 1)
                {
                    lengths[i] = lengths[j] + 1;
                }
                if (lengths[maxEnd] < lengths[i])
                {
                    maxEnd = i;
                    maxStart = maxEnd - lengths[maxEnd];
                }
            }
        }
        var sections = (maxEnd - maxStart) / 3.0;
        return Math.Clamp(maxStart + (int)sections + (int)(sections / 2), 0, n - 1);
    }
}
