namespace SchedDsl;

/// <summary>
/// fastai's annealing function signature: the value at <paramref name="pos"/> in [0, 1] going from
/// <paramref name="start"/> to <paramref name="end"/>. Turn one into a schedule factory with
/// <see cref="Sched.Annealer(string, Annealer)"/> (fastai's <c>@annealer</c> decorator).
/// </summary>
public delegate double Annealer(double start, double end, double pos);
