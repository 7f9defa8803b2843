using SchedDsl.Torch;

namespace SchedDsl.Experiments;

/// <summary>
/// One worker of the <see cref="JobQueue"/>: the callbacks every learner it trains gets. Only lane 0 shows the live
/// progress bar, since two bars on one console would overwrite each other; every lane logs a line per finished run.
/// </summary>
internal sealed record Lane(int Index, Func<IEnumerable<Callback>> Callbacks);
