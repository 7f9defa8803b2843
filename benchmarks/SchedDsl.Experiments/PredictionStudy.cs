using SchedDsl.Prediction;
using SchedDsl.Torch;

namespace SchedDsl.Experiments;

/// <summary>
/// The prediction study (issue 20): fit Tissue et al.'s loss law to each seed's constant and cosine runs, predict the
/// WSD, one-cycle and step-decay runs of the same seed before looking at them, and measure how far off it is.
/// Public API only: <c>Learner.Fit(epochs, schedules)</c>,
/// the recorder's per-batch learning rates and losses, and SchedDsl.Prediction.
/// </summary>
internal static class PredictionStudy
{
    /// <summary>A schedule of the study at peak lr <c>lr</c>; <c>Fitted</c> ones are what the law is fitted to, the others what it predicts.</summary>
    public sealed record Arm(string Name, Func<double, Sched> Shape, bool Fitted);

    public static IReadOnlyList<Arm> Arms { get; } =
    [
        new("constant", lr => Sched.Const(lr), Fitted: true),
        new("cosine", lr => Sched.Cos(lr, 0), Fitted: true),
        new("WSD (10 % warmup, 20 % decay)", lr => Sched.Wsd(lr, 0.1, 0.2), Fitted: false),
        new("one-cycle (lr only)", lr => Sched.OneCycle(lr), Fitted: false),
        new("step decay (×0.1 each third)", lr => Sched.StepDecay(lr, 1.0 / 3, 0.1), Fitted: false),
    ];

    /// <summary>What one run recorded: the rate and the raw training loss of every batch; null losses when it diverged.</summary>
    public sealed record Run(double[] Lrs, double[]? Losses);

    /// <summary>One seed's fit and, per held-out arm, the prediction and its error (null where the fit did not converge or a run diverged).</summary>
    public sealed record SeedOutcome(int Seed, LossLawFit? Fit, double[]?[] Predictions, CurveError?[] Errors, CurveError?[] Baseline);

    /// <summary>runs[arm][seed index], filled by the jobs.</summary>
    public static Run[][] Empty(int seeds) => [.. Arms.Select(_ => new Run[seeds])];

    public static IEnumerable<Job> Jobs(Workbench bench, Run[][] into)
    {
        var budget = PredictionBudget.For(bench.Budget);
        // Views of the first images, no copies; they live as long as the process, as the budget's data does.
        var data = new Dataset(
            bench.Data.TrainImages.narrow(0, 0, Math.Min(budget.TrainImages, bench.Data.TrainCount)),
            bench.Data.TrainLabels.narrow(0, 0, Math.Min(budget.TrainImages, bench.Data.TrainCount)),
            bench.Data.TestImages.narrow(0, 0, Math.Min(budget.ValidImages, bench.Data.TestCount)),
            bench.Data.TestLabels.narrow(0, 0, Math.Min(budget.ValidImages, bench.Data.TestCount)));
        for (var s = 0; s < budget.Seeds.Count; s++)
        {
            for (var a = 0; a < Arms.Count; a++)
            {
                var (seedIndex, armIndex, seed, arm) = (s, a, budget.Seeds[s], Arms[a]);
                yield return new Job($"seed {seed}, prediction: {arm.Name}, {budget.Epochs} epoch(s) at peak lr {Formats.Lr(budget.PeakLr)}", lane =>
                {
                    using var learn = bench.NewLearner(Workbench.NewModel(seed, classes: 10), data, seed, lane);
                    Run run;
                    try
                    {
                        var recorder = learn.Fit(budget.Epochs, new Dictionary<HyperParameter, Sched> { [HyperParameter.LearningRate] = arm.Shape(budget.PeakLr) });
                        run = new Run([.. recorder.Lrs], [.. recorder.RawLosses]);
                        // Every batch's rate and loss, in the format schedsl predict reads.
                        LossCurveCsv.Write(bench.Output(Path.Combine("curves", Label(seed, arm) + ".csv")), LossCurve.PerStep(run.Lrs, run.Losses!));
                    }
                    catch (TrainingDivergedException)
                    {
                        run = new Run([], null);
                    }
                    into[armIndex][seedIndex] = run;
                    return run.Losses is null ? "diverged" : $"last 5 % mean training loss {Formats.Number(run.Losses.TakeLast(Math.Max(1, run.Losses.Length / 20)).Average(), "0.0000")}";
                });
            }
        }
    }

    /// <summary>Fits and predicts per seed. The baseline "prediction" of a held-out run is the same seed's cosine run as measured: what guessing without a law gives.</summary>
    public static IReadOnlyList<SeedOutcome> Analyse(Workbench bench, Run[][] runs)
    {
        var cosine = Index("cosine");
        return [.. PredictionBudget.For(bench.Budget).Seeds.Select((seed, s) =>
        {
            var predictions = new double[]?[Arms.Count];
            var errors = new CurveError?[Arms.Count];
            var baseline = new CurveError?[Arms.Count];
            var fitted = Arms.Select((arm, a) => (arm, run: runs[a][s])).Where(x => x.arm.Fitted).Select(x => x.run).ToList();
            if (fitted.Any(r => r.Losses is null))
            {
                return new SeedOutcome(seed, null, predictions, errors, baseline);
            }
            var steps = fitted[0].Lrs.Length;
            var firstStep = PredictionBudget.FirstStep(steps);
            var fit = AnnealingLossLaw.Fit([.. fitted.Select(r => LossCurve.PerStep(r.Lrs, r.Losses!))], new LossLawFitOptions { FirstStep = firstStep });
            for (var a = 0; a < Arms.Count; a++)
            {
                if (runs[a][s].Losses is not { } measured)
                {
                    continue;
                }
                baseline[a] = CurveError.Of(runs[cosine][s].Losses!, measured, firstStep);
                if (fit is LossLawFit.Converged { Law: var law })
                {
                    predictions[a] = law.Predict(runs[a][s].Lrs);
                    errors[a] = CurveError.Of(predictions[a]!, measured, firstStep);
                }
            }
            return new SeedOutcome(seed, fit, predictions, errors, baseline);
        })];
    }

    public static string Table(IReadOnlyList<SeedOutcome> outcomes)
    {
        var table = new MarkdownTable("schedule", "role", "final-loss error (predicted − measured)", "final-loss error (%)", "curve RMSE", "curve MAPE (%)", "baseline: the cosine run as the guess, curve RMSE");
        for (var a = 0; a < Arms.Count; a++)
        {
            var errors = outcomes.Select(o => o.Errors[a]).ToList();
            Summary Of(Func<CurveError, double> pick) => Summary.Of(errors.Select(e => e is { } x ? pick(x) : double.NaN));
            table.Add(
                Arms[a].Name,
                Arms[a].Fitted ? "fitted" : "predicted",
                Cell(Of(e => e.FinalError), Formats.Loss),
                Cell(Of(e => e.FinalRelative), Formats.Percent),
                Cell(Of(e => e.Rmse), Formats.Loss),
                Cell(Of(e => e.Mape), Formats.Percent),
                Arms[a].Name == "cosine" ? "—" : Formats.Loss(Summary.Of(outcomes.Select(o => o.Baseline[a] is { } b ? b.Rmse : double.NaN))));
        }
        return table.ToString();
    }

    /// <summary>The fitted constants per seed, and the fits that did not converge with their residual.</summary>
    public static string Fits(IReadOnlyList<SeedOutcome> outcomes)
    {
        var table = new MarkdownTable("seed", "fit", "L0", "A", "α", "C", "fit RMSE (per batch)");
        foreach (var o in outcomes)
        {
            switch (o.Fit)
            {
                case LossLawFit.Converged { Law: var law } fit:
                    table.Add($"{o.Seed}", "converged", F(law.L0), F(law.A), F(law.Alpha), F(law.C), F(fit.Rmse));
                    break;
                case LossLawFit.NotConverged fit:
                    table.Add($"{o.Seed}", $"not converged: {fit.Reason}", "—", "—", "—", "—", F(fit.Rmse));
                    break;
                default:
                    table.Add($"{o.Seed}", "a fitted run diverged", "—", "—", "—", "—", "—");
                    break;
            }
        }
        return table.ToString();
    }

    /// <summary>The file name of a run's per-step curve under <c>curves/</c>, e.g. <c>seed0-cosine</c>.</summary>
    public static string Label(int seed, Arm arm) => $"seed{seed}-{arm.Name.Split(" (")[0].Replace(' ', '-').ToLowerInvariant()}";

    /// <summary>A cell over seeds; a seed without a number had no prediction (its fit did not converge, or a run diverged), which <see cref="Formats"/> would call diverged.</summary>
    private static string Cell(Summary s, Func<Summary, string> format) =>
        s.Count == 0 ? "no prediction" : format(s with { Missing = 0 }) + (s.Missing > 0 ? $" ({s.Missing} seed(s) without a prediction)" : "");

    private static string F(double value) => Formats.Number(value, "0.####");

    private static int Index(string name) => Arms.Select((a, i) => (a, i)).Single(x => x.a.Name == name).i;
}
