using System.Text;

namespace SchedDsl;

/// <summary>
/// One phase of an adaptive <see cref="AdaptiveSched.Combine"/>: a planned <see cref="Sched"/>, an
/// <see cref="AdaptiveSched"/>, or a planned shape relative to the value the phase before it left
/// (<see cref="FromCurrent"/>). Both schedule types convert to it implicitly.
/// </summary>
/// <remarks>Thread-safety: immutable.</remarks>
public sealed record AdaptivePart
{
    private AdaptivePart(Sched? planned, AdaptiveSched? adaptive, bool relative) => (Planned, Adaptive, IsFromCurrent) = (planned, adaptive, relative);

    /// <summary>The planned schedule of a planned or <see cref="FromCurrent"/> phase; null for an adaptive one.</summary>
    public Sched? Planned { get; }

    /// <summary>The adaptive schedule of an adaptive phase; null otherwise.</summary>
    public AdaptiveSched? Adaptive { get; }

    /// <summary>True for a <see cref="FromCurrent"/> phase.</summary>
    public bool IsFromCurrent { get; }

    /// <summary>
    /// A phase whose value is <c>v × shape(t)</c>, where <c>v</c> is the value the phase before it had at its end: a
    /// cooldown "from wherever the plateau left the learning rate". <paramref name="shape"/> must start at 1, so the
    /// join has no jump (e.g. <c>Sched.CooldownSqrt(1)</c>, the 1-sqrt cooldown of Hägele et al. 2024). Text:
    /// <c>from_current(sched)</c>.
    /// </summary>
    /// <exception cref="SchedArgumentException"><paramref name="shape"/> does not start at 1.</exception>
    public static AdaptivePart FromCurrent(Sched shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        foreach (var group in shape.IsPerGroup ? [] : new[] { shape })
        {
            var start = group.Eval(0);
            if (!(Math.Abs(start - 1) <= StartTolerance))
            {
                throw new SchedArgumentException(AdaptiveFunctions.FromCurrent.Name, "sched", $"must start at 1 (it multiplies the value the phase before it left), got {Validation.NumberText.Format(start)}");
            }
        }
        return new AdaptivePart(shape, null, true);
    }

    /// <summary>How far from 1 a <see cref="FromCurrent"/> shape may start: double rounding of a computed 1, far below a visible jump.</summary>
    public const double StartTolerance = 1e-12;

    /// <summary>A planned phase.</summary>
    public static implicit operator AdaptivePart(Sched planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        return new(planned, null, false);
    }

    /// <summary>An adaptive phase.</summary>
    public static implicit operator AdaptivePart(AdaptiveSched adaptive)
    {
        ArgumentNullException.ThrowIfNull(adaptive);
        return new(null, adaptive, false);
    }

    /// <summary>A planned phase (the named form of the implicit conversion).</summary>
    public static AdaptivePart FromSched(Sched planned) => planned;

    /// <summary>An adaptive phase (the named form of the implicit conversion).</summary>
    public static AdaptivePart FromAdaptiveSched(AdaptiveSched adaptive) => adaptive;

    /// <summary>The text form of the phase.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        Print(builder);
        return builder.ToString();
    }

    internal int RuleCount => Adaptive?.RuleCount ?? 0;

    internal bool IsPerGroup => Adaptive?.IsPerGroup ?? Planned!.IsPerGroup;

    internal AdaptivePart Resolve(int group, int groupCount) =>
        Adaptive is { } adaptive ? new(null, adaptive.Resolve(group, groupCount), false) : new(Planned!.ForGroup(group, groupCount), null, IsFromCurrent);

    internal void Print(StringBuilder builder)
    {
        if (Adaptive is { } adaptive)
        {
            adaptive.Print(builder);
        }
        else if (IsFromCurrent)
        {
            CallText.Print(builder, AdaptiveFunctions.FromCurrent, [Planned!]);
        }
        else
        {
            Planned!.Print(builder);
        }
    }
}
