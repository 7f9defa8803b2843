using System.Text;

namespace SchedDsl.Experiments;

/// <summary>
/// Experiments 4–7 (issue 20): cooldown branches against separate runs, the cooldown's shape, decay to zero, and the
/// samples clock across batch sizes. They train on the first <see cref="AnytimeBudget.TrainImages"/> images at a
/// fixed peak lr, so they need no LR finder run and can run alone (<c>--only anytime</c>).
/// </summary>
internal sealed class AnytimeExperiments(Workbench bench) : IDisposable
{
    public const string BranchesPicture = "cooldown_branches.png";
    public const string ShapesPicture = "cooldown_shapes.png";
    public const string DecayPicture = "decay_to_zero.png";
    public const string ClockPicture = "samples_clock.png";

    private readonly TrainedRun[] _trunks = new TrainedRun[bench.Budget.Seeds.Count];

    public AnytimeBudget Sizes { get; } = AnytimeBudget.For(bench.Budget);

    /// <summary>Experiments 4–6's images.</summary>
    public Dataset Data { get; } = bench.Data.First(AnytimeBudget.For(bench.Budget).TrainImages, AnytimeBudget.For(bench.Budget).TestImages);

    /// <summary>Experiment 7's images: a count that leaves every batch size a partial last batch.</summary>
    public Dataset ClockData { get; } = bench.Data.First(AnytimeBudget.For(bench.Budget).ClockTrainImages, AnytimeBudget.For(bench.Budget).TestImages);

    private TrainedRun[][][] Branches { get; } = Experiment5CooldownShape.Empty(AnytimeBudget.For(bench.Budget), bench.Budget.Seeds.Count);

    private TrainedRun[][][] Decays { get; } = Experiment6DecayToZero.Empty(AnytimeBudget.For(bench.Budget), bench.Budget.Seeds.Count);

    private Experiment7SamplesClock.Outcome Clock { get; } = Experiment7SamplesClock.Outcome.Empty(bench.Budget.Seeds.Count);

    private long ClockSamples => Sizes.ClockEpochs * ClockData.TrainCount;

    /// <summary>What needs nothing else: the trunks first (the longest jobs), then the fits from scratch.</summary>
    public IEnumerable<Job> FirstPhase() =>
        Experiment4Branches.TrunkJobs(bench, Sizes, Data, _trunks)
            .Concat(Experiment6DecayToZero.Jobs(bench, Sizes, Data, Decays))
            .Concat(Experiment7SamplesClock.Jobs(bench, Sizes, ClockData, Clock));

    /// <summary>The cooldown branches, off the trunks' saved states.</summary>
    public IEnumerable<Job> SecondPhase() => Experiment5CooldownShape.Jobs(bench, Sizes, Data, Branches);

    public void CleanUp() => CooldownTrunk.CleanUp(bench, Sizes);

    public string Plan() => new StringBuilder()
        .AppendLine($"- experiments 4-6: the first {Data.TrainCount} training images ({Sizes.BatchesPerEpoch} batches of {Sizes.BatchSize} an epoch) and {Data.TestCount} test images; peak lr {AnytimeBudget.PeakLr}; budgets of {string.Join(", ", Sizes.Budgets)} epochs")
        .AppendLine($"- experiments 4-5: a constant-lr trunk per seed, checkpointed at each budget's last fifth (batches {string.Join(", ", Sizes.Budgets.Select(Sizes.BranchBatch))}); FitCooldownBranch off each checkpoint to 0 with each of {string.Join(", ", Experiment5CooldownShape.Shapes.Select(s => s.Name))}")
        .AppendLine($"- experiments 4 and 6: Fit(budget) from scratch with each of {string.Join(", ", Experiment6DecayToZero.Arms.Select(a => a.Name))}")
        .AppendLine($"- experiment 7: the first {ClockData.TrainCount} training images, {Sizes.ClockEpochs} epochs of one-cycle({AnytimeBudget.PeakLr}) with each of {string.Join("; ", Experiment7SamplesClock.Arms.Select(a => a.Name))}; partial last batches kept")
        .ToString();

    /// <summary>Draws the four pictures and returns the four sections of results.md.</summary>
    public string Sections()
    {
        var seeds = bench.Budget.Seeds.Count;
        var budgets = Sizes.Budgets;
        var linear = Branches[Experiment5CooldownShape.LinearIndex];
        var cosines = Decays[Experiment6DecayToZero.CosineToZeroIndex];
        var trunkEpochs = Sizes.Epochs(Sizes.TrunkBatches);
        var trunk = PlotSeries.PerEpoch("constant-lr trunk (per epoch)", _trunks, trunkEpochs, 7);

        BudgetPlot.Save(bench.Output(BranchesPicture), "one trunk with cooldowns vs separate cosine runs",
            [trunk, PlotSeries.AtBudgets("trunk + linear cooldown", budgets, linear, 0), PlotSeries.AtBudgets("separate cosine run", budgets, cosines, 1)],
            [
                LrLine.Of("trunk: constant", CooldownTrunk.Schedule, trunkEpochs, 7),
                .. budgets.Select((b, i) => LrLine.Of(i == 0 ? "linear cooldowns" : null, CooldownTrunk.BranchSchedule(Sizes, b, CooldownShape.Linear), b, 0, Sizes.Epochs(Sizes.BranchBatch(b)))),
                .. budgets.Select((b, i) => LrLine.Of(i == 0 ? "cosine runs" : null, Experiment6DecayToZero.Arms[Experiment6DecayToZero.CosineToZeroIndex].Shape(AnytimeBudget.PeakLr), b, 1)),
            ],
            seeds);
        var shapes = Experiment5CooldownShape.Shapes;
        BudgetPlot.Save(bench.Output(ShapesPicture), "cooldown shapes off one trunk",
            [trunk, .. shapes.Select((s, k) => PlotSeries.AtBudgets(s.Name + " cooldown", budgets, Branches[k], k))],
            [
                LrLine.Of("trunk: constant", CooldownTrunk.Schedule, trunkEpochs, 7),
                .. shapes.SelectMany((s, k) => budgets.Select((b, i) => LrLine.Of(i == 0 ? s.Name : null, CooldownTrunk.BranchSchedule(Sizes, b, s.Value), b, k, Sizes.Epochs(Sizes.BranchBatch(b))))),
            ],
            seeds);
        var arms = Experiment6DecayToZero.Arms;
        BudgetPlot.Save(bench.Output(DecayPicture), "decay to zero vs cosine to 10 %",
            [.. arms.Select((a, k) => PlotSeries.AtBudgets(a.Name, budgets, Decays[k], k))],
            [.. arms.Select((a, k) => LrLine.Of(a.Name + $" ({Sizes.Longest} epochs)", a.Shape(AnytimeBudget.PeakLr), Sizes.Longest, k))],
            seeds);
        ClockPlot.Save(bench.Output(ClockPicture), Clock, ClockSamples, ClockData.TrainCount);

        return new StringBuilder()
            .AppendLine("## 4. Cooldown branches vs separate runs").AppendLine()
            .AppendLine(Experiment4Branches.Table(Sizes, linear, cosines))
            .AppendLine(Experiment4Branches.ComputeTable(Sizes, _trunks, linear, cosines))
            .AppendLine($"![the trunk, its linear cooldowns and the separate cosine runs]({BranchesPicture})").AppendLine()
            .AppendLine("## 5. Cooldown shape at equal budget").AppendLine()
            .AppendLine(Experiment5CooldownShape.Table(Sizes, Branches))
            .AppendLine($"![linear, cosine and 1-sqrt cooldowns off one trunk]({ShapesPicture})").AppendLine()
            .AppendLine("## 6. Decay to zero vs cosine to 10 %").AppendLine()
            .AppendLine(Experiment6DecayToZero.Table(Sizes, Decays))
            .AppendLine($"![cosine to 10 %, cosine to 0 and linear to 0 at each budget]({DecayPicture})").AppendLine()
            .AppendLine("## 7. The samples clock across batch sizes").AppendLine()
            .AppendLine(Experiment7SamplesClock.Table(Clock, ClockSamples))
            .AppendLine($"![the lr against samples seen for each batch size and clock]({ClockPicture})")
            .ToString();
    }

    public void Dispose()
    {
        Data.Dispose();
        ClockData.Dispose();
    }
}
