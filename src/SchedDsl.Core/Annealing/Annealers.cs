namespace SchedDsl;

/// <summary>
/// fastai's annealing formulas (<c>sched_lin</c>, <c>sched_cos</c>, <c>sched_no</c>, <c>sched_exp</c>, <c>SchedPoly</c>)
/// as plain functions, usable as <see cref="Annealer"/> delegates.
/// </summary>
/// <remarks>Pure; thread-safe.</remarks>
public static class Annealers
{
    /// <summary><c>sched_lin</c>: <c>start + pos*(end-start)</c>.</summary>
    public static double Lin(double start, double end, double pos) => start + (pos * (end - start));

    /// <summary><c>sched_cos</c>: <c>start + (1 + cos(pi*(1-pos))) * (end-start) / 2</c>.</summary>
    public static double Cos(double start, double end, double pos) => Anneal.Cos(start, end, Anneal.CosFactor(pos));

    /// <summary><c>sched_no</c>: always <c>start</c>.</summary>
    public static double No(double start, double end, double pos) => start;

    /// <summary><c>sched_exp</c>: <c>start * (end/start)^pos</c>.</summary>
    public static double Exp(double start, double end, double pos) => start * Math.Pow(end / start, pos);

    /// <summary><c>SchedPoly</c>: <c>start + (end-start) * pos^power</c>.</summary>
    public static double Poly(double start, double end, double power, double pos) =>
        start + ((end - start) * Math.Pow(pos, power));
}
