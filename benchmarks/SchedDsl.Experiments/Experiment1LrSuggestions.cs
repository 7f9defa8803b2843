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

    /// <summary>results[arm][seed], with the lr each seed trained at.</summary>
    public sealed record Outcome(IReadOnlyList<IReadOnlyList<RunResult>> Results, IReadOnlyList<IReadOnlyList<double>> Lrs);

    public static Outcome Run(Workbench bench, IReadOnlyList<SeedFinder> finders)
    {
        var results = Suggestions.Select(_ => new List<RunResult>()).ToList();
        var lrs = Suggestions.Select(_ => new List<double>()).ToList();
        foreach (var finder in finders)
        {
            for (var arm = 0; arm < Suggestions.Count; arm++)
            {
                var lr = Suggestions[arm].Pick(finder.Suggestions) ?? double.NaN;
                lrs[arm].Add(lr);
                bench.Title($"experiment 1, seed {finder.Seed}: FitOneCycle({bench.Budget.Epochs}, lrMax: {Formats.Lr(lr)}) at {Suggestions[arm].Name}");
                results[arm].Add(double.IsFinite(lr) ? Fit(bench, finder.Seed, lr) : RunResult.From(null, bench.Budget.Epochs, diverged: false));
            }
        }
        return new Outcome(results, lrs);
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

    private static RunResult Fit(Workbench bench, int seed, double lr)
    {
        using var learn = bench.Learners.Create(Learners.NewModel(seed, classes: 10), bench.Data, seed);
        return RunResult.Of(learn, bench.Budget.Epochs, () => learn.FitOneCycle(bench.Budget.Epochs, lr));
    }
}
