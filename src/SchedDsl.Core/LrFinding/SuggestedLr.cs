namespace SchedDsl.LrFinding;

/// <summary>
/// One learning rate suggested from an LR-finder curve, with the curve point it came from: fastai's
/// <c>(lr, (x, y))</c> return value plus the index that fastai leaves implicit.
/// </summary>
/// <param name="Lr">The suggested learning rate (fastai's first return value).</param>
/// <param name="Index">
/// The index into the <c>lrs</c>/<c>losses</c> given of the point the suggestion was read from: the lowest loss
/// (<see cref="LrSuggestions.Minimum"/>), the start of the steepest segment (<see cref="LrSuggestions.Steep"/>),
/// the point inside the valley (<see cref="LrSuggestions.Valley"/>), the left end of the slide window
/// (<see cref="LrSuggestions.Slide"/>).
/// </param>
/// <param name="PointLr">
/// The x of fastai's plotted point: <see cref="Lr"/> itself, except for <c>minimum</c>, whose point is at the
/// lowest loss, ten times the suggestion.
/// </param>
/// <param name="PointLoss">
/// The y of fastai's plotted point: the loss at the point nearest <see cref="PointLr"/> (for <c>slide</c>, the loss
/// interpolated at <see cref="PointLr"/> on a log10 lr axis, as <c>np.interp</c> does). NaN where the curve holds NaN.
/// </param>
/// <remarks>Immutable; thread-safe.</remarks>
public readonly record struct SuggestedLr(double Lr, int Index, double PointLr, double PointLoss);
