namespace SchedDsl.LrFinding;

/// <summary>
/// The suggestion functions of fastai's <c>lr_find</c> (fastai's <c>SuggestionMethod</c>), for choosing one by name.
/// </summary>
public enum LrSuggestionMethod
{
    /// <summary>fastai's <c>minimum</c>: one tenth of the learning rate at the lowest loss (<see cref="LrSuggestions.Minimum"/>).</summary>
    Minimum,

    /// <summary>fastai's <c>steep</c>: where the loss falls fastest against log(lr) (<see cref="LrSuggestions.Steep"/>).</summary>
    Steep,

    /// <summary>fastai's <c>valley</c>, its default: a point inside the longest descent (<see cref="LrSuggestions.Valley"/>).</summary>
    Valley,

    /// <summary>fastai's <c>slide</c>: the interval slide rule on the loss gradient (<see cref="LrSuggestions.Slide"/>).</summary>
    Slide,
}
