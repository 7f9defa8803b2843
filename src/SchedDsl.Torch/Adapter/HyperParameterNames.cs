namespace SchedDsl.Torch;

/// <summary>
/// fastai's short names for <see cref="HyperParameter"/> values (<c>lr</c>, <c>mom</c>, <c>sqr_mom</c>, <c>wd</c>,
/// <c>eps</c>): one table, read both ways.
/// </summary>
public static class HyperParameterNames
{
    private static readonly (HyperParameter Hyper, string Name)[] Table =
    [
        (HyperParameter.LearningRate, "lr"),
        (HyperParameter.Momentum, "mom"),
        (HyperParameter.SquaredMomentum, "sqr_mom"),
        (HyperParameter.WeightDecay, "wd"),
        (HyperParameter.Eps, "eps"),
    ];

    /// <summary>fastai's name for <paramref name="hyper"/>, as used in plots, tables, logs and checkpoints.</summary>
    public static string FastaiName(this HyperParameter hyper)
    {
        foreach (var (h, name) in Table)
        {
            if (h == hyper)
            {
                return name;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(hyper), hyper, $"hyper must be a defined HyperParameter, got {hyper}");
    }

    /// <summary>The hyper-parameter fastai calls <paramref name="name"/> (<c>lr</c>, <c>mom</c>, <c>sqr_mom</c>, <c>wd</c>, <c>eps</c>), or false.</summary>
    public static bool TryParse(string? name, out HyperParameter hyper)
    {
        foreach (var (h, n) in Table)
        {
            if (n == name)
            {
                hyper = h;
                return true;
            }
        }
        hyper = default;
        return false;
    }

    /// <summary>The hyper-parameter fastai calls <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">Not one of fastai's names; the message lists them.</exception>
    public static HyperParameter Parse(string name) =>
        TryParse(name, out var hyper)
            ? hyper
            : throw new ArgumentException($"'{name}' is not a hyper-parameter name; expected one of {string.Join(", ", Table.Select(t => t.Name))}", nameof(name));
}
