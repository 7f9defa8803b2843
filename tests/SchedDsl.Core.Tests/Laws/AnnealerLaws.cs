using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SchedDsl.Core.Tests.Laws;

/// <summary>Laws every monotone annealer (lin, cos, exp, poly) obeys between its endpoints.</summary>
public sealed class AnnealerLaws
{
    // Relative tolerance for endpoint equality: cos(pi*(1-1)) and pow(x, 1) are exact, but
    // start + 1*(end-start) can round by an ulp of the larger magnitude.
    private const double Eps = 1e-12;

    private static bool Near(double a, double b) => Math.Abs(a - b) <= Eps * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    [Property(MaxTest = 200)]
    public Property Starts_at_start_and_ends_at_end() =>
        Prop.ForAll(LawGens.Annealer.ToArbitrary(), a => Near(a.Sched.At(0), a.Start) && Near(a.Sched.At(1), a.End));

    [Property(MaxTest = 200)]
    public Property Stays_between_its_endpoints() =>
        Prop.ForAll(LawGens.Zip(LawGens.Annealer, LawGens.Pos).ToArbitrary(), t =>
        {
            var (a, pos) = t;
            var value = a.Sched.At(pos);
            var slack = Eps * Math.Max(1, Math.Max(Math.Abs(a.Start), Math.Abs(a.End)));
            return value >= Math.Min(a.Start, a.End) - slack && value <= Math.Max(a.Start, a.End) + slack;
        });

    [Property(MaxTest = 200)]
    public Property Is_monotone_from_start_to_end() =>
        Prop.ForAll(LawGens.Zip(LawGens.Annealer, LawGens.Pos, LawGens.Pos).ToArbitrary(), t =>
        {
            var (a, p, q) = t;
            var (lo, hi) = p <= q ? (p, q) : (q, p);
            var slack = Eps * Math.Max(1, Math.Max(Math.Abs(a.Start), Math.Abs(a.End)));
            var (x, y) = (a.Sched.At(lo), a.Sched.At(hi));
            return a.End >= a.Start ? y >= x - slack : y <= x + slack;
        });

    [Property(MaxTest = 100)]
    public Property No_is_constant_at_start() =>
        Prop.ForAll(LawGens.Zip(LawGens.Value, LawGens.Value, LawGens.Pos).ToArbitrary(), t =>
            Sched.No(t.Item1, t.Item2).At(t.Item3) == t.Item1);
}
