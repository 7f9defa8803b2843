using SchedDsl.Torch;

namespace SchedDsl.Experiments;

/// <summary>
/// Experiment 2: eight schedules at equal budget (same data, epochs, model, seeds), each peaking at the valley lr of
/// the seed's LR finder run.
/// </summary>
internal static class Experiment2Schedules
{
    /// <summary>
    /// A schedule of the learning rate: its shape at a peak <c>lr</c>, and the fit that trains with it. Every arm but
    /// one-cycle trains through <c>Fit</c> with its lr schedule alone; one-cycle is <c>FitOneCycle</c>, which
    /// also cycles Adam's β1 (0.95 → 0.85 → 0.95) as fastai's does.
    /// </summary>
    public sealed record Arm(string Name, Func<double, Sched> Shape, bool IsOneCycle = false)
    {
        public Recorder Fit(Learner learn, int epochs, double lr) => IsOneCycle
            ? learn.FitOneCycle(epochs, lr)
            : learn.Fit(epochs, new Dictionary<HyperParameter, Sched> { [HyperParameter.LearningRate] = Shape(lr) });
    }

    public static IReadOnlyList<Arm> Arms { get; } =
    [
        new("constant", lr => Sched.Const(lr)),
        new("step decay (×0.1 each third)", lr => Sched.StepDecay(lr, 1.0 / 3, 0.1)),
        new("cosine", lr => Sched.Cos(lr, 0)),
        new("warmup 10 % + cosine", lr => Sched.WarmupCosine(lr, 0.1)),
        new("one-cycle", lr => Sched.OneCycle(lr), IsOneCycle: true),
        new("flat-cos", lr => Sched.FlatCos(lr)),
        new("SGDR (3 cycles, ×2)", lr => Sched.Sgdr(lr, 3)),
        new("WSD (10 % warmup, 20 % decay)", lr => Sched.Wsd(lr, 0.1, 0.2)),
    ];

    /// <summary>An empty results[arm][seed index].</summary>
    public static RunResult[][] Empty(int seeds) => [.. Arms.Select(_ => new RunResult[seeds])];

    /// <summary>One job per seed and schedule but one-cycle: that arm is experiment 1's valley arm, the identical run (see <see cref="TakeOneCycle"/>).</summary>
    public static IEnumerable<Job> Jobs(Workbench bench, IReadOnlyList<SeedFinder> finders, RunResult[][] into)
    {
        for (var s = 0; s < finders.Count; s++)
        {
            for (var a = 0; a < Arms.Count; a++)
            {
                if (Arms[a].IsOneCycle)
                {
                    continue;
                }
                var (seedIndex, arm, seed, lr) = (s, Arms[a], finders[s].Seed, finders[s].Suggestions.Valley);
                var armIndex = a;
                yield return new Job($"seed {seed}, experiment 2: {arm.Name}, peak lr {Formats.Lr(lr)}", lane =>
                {
                    using var learn = bench.NewLearner(Workbench.NewModel(seed, classes: 10), bench.Data, seed, lane);
                    var result = RunResult.Of(learn, bench.Budget.Epochs, () => arm.Fit(learn, bench.Budget.Epochs, lr));
                    into[armIndex][seedIndex] = result;
                    return result.Describe();
                });
            }
        }
    }

    /// <summary>Fills the one-cycle arm with experiment 1's runs at the valley: same seed, data, epochs and lr.</summary>
    public static void TakeOneCycle(RunResult[][] results, RunResult[] oneCycleAtValley)
    {
        var arm = Arms.Select((a, i) => (a, i)).Single(x => x.a.IsOneCycle).i;
        oneCycleAtValley.CopyTo(results[arm], 0);
    }

    public static string Table(IReadOnlyList<IReadOnlyList<RunResult>> results)
    {
        var accuracy = results.Select(runs => Summary.Of(runs.Select(r => r.Accuracy))).ToList();
        var table = new MarkdownTable("schedule", "test accuracy", "test loss", "vs best");
        for (var a = 0; a < Arms.Count; a++)
        {
            table.Add(Arms[a].Name, Formats.Percent(accuracy[a]), Formats.Loss(Summary.Of(results[a].Select(r => r.ValidLoss))), Comparison.VersusBest(accuracy, a));
        }
        return table.ToString();
    }
}
