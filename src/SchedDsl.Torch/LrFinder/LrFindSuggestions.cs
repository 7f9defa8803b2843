using SchedDsl.LrFinding;

namespace SchedDsl.Torch;

/// <summary>
/// The learning rates fastai's <c>lr_find</c> suggests, computed by SchedDsl.Core's <see cref="LrSuggestions"/> on
/// the recorded curve trimmed as <c>lr_find</c> trims it (<see cref="LrCurve.Trim"/>: without its first
/// <c>num_it/10</c> points and last 5, cut at the first NaN).
/// </summary>
/// <param name="LrMin">One tenth of the learning rate at the lowest smoothed loss (fastai's <c>minimum</c>, "Minimum/10").</param>
/// <param name="LrSteep">The learning rate where the loss falls fastest against <c>log(lr)</c> (fastai's <c>steep</c>).</param>
/// <param name="Valley">fastai's <c>valley</c>: a point in the longest falling stretch of the curve.</param>
/// <param name="Slide">fastai's <c>slide</c>, or null when the trimmed curve has fewer than 16 points.</param>
/// <param name="Details">All four suggestions with the index and plotted point of each, on the trimmed curve.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record LrFindSuggestions(double LrMin, double LrSteep, double Valley, double? Slide, LrSuggestionSet Details)
{
    /// <summary>Trims the curve as <c>lr_find</c> does and suggests, or returns null when fewer than 2 points remain (<c>steep</c> needs 2).</summary>
    /// <param name="lrs">The learning rates, one per batch.</param>
    /// <param name="losses">The smoothed losses, one per batch.</param>
    /// <param name="numIt">The requested number of iterations (fastai drops <c>numIt/10</c> points, not a tenth of the points recorded).</param>
    /// <exception cref="SchedArgumentException">Different lengths, or a learning rate not finite and &gt; 0.</exception>
    public static LrFindSuggestions? Compute(IReadOnlyList<double> lrs, IReadOnlyList<double> losses, int numIt)
    {
        if (new LrFindCurve(lrs, losses, numIt).Suggest() is not { } all)
        {
            return null;
        }
        return new LrFindSuggestions(all.Minimum!.Value.Lr, all.Steep!.Value.Lr, all.Valley!.Value.Lr, all.Slide?.Lr, all);
    }
}
