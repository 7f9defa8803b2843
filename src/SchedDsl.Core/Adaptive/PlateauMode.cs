namespace SchedDsl;

/// <summary>Whether a monitored quantity should fall (<see cref="Min"/>, a loss) or rise (<see cref="Max"/>, an accuracy).</summary>
public enum PlateauMode
{
    /// <summary>Lower is better.</summary>
    Min,

    /// <summary>Higher is better.</summary>
    Max,
}

/// <summary>How a plateau rule (<see cref="AdaptiveSched.Plateau"/>) reads its threshold (PyTorch's <c>threshold_mode</c>).</summary>
public enum ThresholdMode
{
    /// <summary>Relative: better means below <c>best * (1 - threshold)</c> (min) or above <c>best * (1 + threshold)</c> (max).</summary>
    Relative,

    /// <summary>Absolute: better means below <c>best - threshold</c> (min) or above <c>best + threshold</c> (max).</summary>
    Absolute,
}
