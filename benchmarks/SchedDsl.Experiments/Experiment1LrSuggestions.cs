using SchedDsl.Torch;

namespace SchedDsl.Experiments;

/// <summary>
/// Experiment 1, the fastbook post's: <c>FitOneCycle</c> at each learning rate the LR finder suggests, and at the
/// raw minimum-loss lr the post warns against; test accuracy and loss at equal epochs over the seeds.
/// </summary>
internal static class Experiment1LrSuggestions
{
    /// <summary>One way to read a learning rate off the finder's curve; null where the curve gives none (slide on a short curve).</summary>
    public sealed record Suggestion(string Name, Func<LrFindSuggestions, double?> Pick);

    public static IReadOnlyList<Suggestion> Suggestions { get; } =
    [
        new("valley", s => s.Valley),
        new("slide", s => s.Slide),
        new("minimum (lr_min/10)", s => s.LrMin),
        new("steep", s => s.LrSteep),
        new("raw minimum-loss lr", s => s.Details.Minimum?.PointLr),
    ];

    /// <summary>The arm experiment 2 reuses as its one-cycle arm: same seed, data, epochs and lr.</summary>
    public const int ValleyIndex = 0;

    /// <summary>results[arm][seed index], with the lr each seed trained at; filled by the jobs.</summary>
    public sealed record Outcome(RunResult[][] Results, double[][] Lrs)
    {
        public static Outcome Empty(int seeds) => new(
            [.. Suggestions.Select(_ => new RunResult[seeds])],
            [.. Suggestions.Select(_ => Enumerable.Repeat(double.NaN, seeds).ToArray())]);
    }

    /// <summary>One job per seed and suggestion, each a fresh model of its seed.</summary>
    public static IEnumerable<Job> Jobs(Workbench bench, IReadOnlyList<SeedFinder> finders, Outcome into)
    {
        for (var s = 0; s < finders.Count; s++)
        {
            for (var arm = 0; arm < Suggestions.Count; arm++)
            {
                var (seedIndex, armIndex, seed) = (s, arm, finders[s].Seed);
                var lr = Suggestions[arm].Pick(finders[s].Suggestions) ?? double.NaN;
                into.Lrs[arm][s] = lr;
                yield return new Job($"seed {seed}, experiment 1: FitOneCycle({bench.Budget.Epochs}, {Formats.Lr(lr)}) at {Suggestions[arm].Name}", lane =>
                {
                    var result = double.IsFinite(lr) ? Fit(bench, seed, lr, lane) : RunResult.From(null, bench.Budget.Epochs, diverged: false);
                    into.Results[armIndex][seedIndex] = result;
                    return result.Describe();
                });
            }
        }
    }

    public static string Table(Outcome outcome)
    {
        var accuracy = outcome.Results.Select(runs => Summary.Of(runs.Select(r => r.Accuracy))).ToList();
        var table = new MarkdownTable("suggestion", "lr per seed", "test accuracy", "test loss", "vs best");
        for (var arm = 0; arm < Suggestions.Count; arm++)
        {
            table.Add(
                Suggestions[arm].Name,
                string.Join(", ", outcome.Lrs[arm].Select(Formats.Lr)),
                Formats.Percent(accuracy[arm]),
                Formats.Loss(Summary.Of(outcome.Results[arm].Select(r => r.ValidLoss))),
                Comparison.VersusBest(accuracy, arm));
        }
        return table.ToString();
    }

    private static RunResult Fit(Workbench bench, int seed, double lr, Lane lane)
    {
        using var learn = bench.NewLearner(Workbench.NewModel(seed, classes: 10), bench.Data, seed, lane);
        return RunResult.Of(learn, bench.Budget.Epochs, () => learn.FitOneCycle(bench.Budget.Epochs, lr));
    }
}
