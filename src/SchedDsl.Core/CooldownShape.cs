namespace SchedDsl;

/// <summary>The shape of a cooldown from a start value to a floor over <c>t</c> in [0, 1] (Hägele et al. 2024).</summary>
public enum CooldownShape
{
    /// <summary><c>start + t·(floor − start)</c>. Text: <c>cooldown_linear</c>, <c>branch_linear</c>.</summary>
    Linear,

    /// <summary>Half a cosine, as fastai's <c>SchedCos</c>. Text: <c>cooldown_cosine</c>, <c>branch_cosine</c>.</summary>
    Cosine,

    /// <summary>
    /// "1-sqrt": <c>floor + (start − floor)·(1 − √t)</c>, the cooldown Hägele et al. (2024) found best. Text:
    /// <c>cooldown_sqrt</c>, <c>branch_sqrt</c>.
    /// </summary>
    Sqrt,
}
