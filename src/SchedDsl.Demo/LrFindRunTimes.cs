using System.Diagnostics;
using System.Globalization;
using SchedDsl.Torch;

namespace SchedDsl.Demo;

/// <summary>The wall time of each LR-finder run (each run is one fit of the learner's loop): what several runs cost.</summary>
internal sealed class LrFindRunTimes : Callback
{
    private readonly List<TimeSpan> _runs = [];
    private Stopwatch? _watch;

    public override void BeforeFit(FitContext context) => _watch = Stopwatch.StartNew();

    public override void AfterFit(FitContext context)
    {
        if (_watch is { } watch)
        {
            _runs.Add(watch.Elapsed);
        }
    }

    /// <summary>For example <c>LrFind: 5 runs in 61.0 s (12.3, 12.1, 12.2, 12.2, 12.2 s)</c>.</summary>
    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"LrFind: {_runs.Count} runs in {_runs.Sum(r => r.TotalSeconds):0.0} s ({string.Join(", ", _runs.Select(r => r.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)))} s)");
}
