using System.CommandLine;
using System.Globalization;
using SchedDsl.Prediction;

namespace SchedDsl.Cli.Commands;

/// <summary>
/// <c>schedsl predict "&lt;schedule&gt;" --steps N --fit FILE [--fit FILE …]</c>: fits Tissue et al.'s loss law
/// (<see cref="AnnealingLossLaw"/>) to recorded loss curves and writes the loss curve it predicts for the schedule
/// (CSV, <see cref="LossCurveCsv"/>'s format) and a plot.
/// </summary>
/// <remarks>
/// Bad input is one line on stderr and exit code 2. A fit that does not converge is no prediction: one line on stderr
/// with the reason and the residual, nothing written, exit code 1.
/// </remarks>
internal static class PredictCommand
{
    /// <summary>A command line that works, for the message when the schedule is missing.</summary>
    public const string Example = "schedsl predict \"wsd(2e-3, 0.1, 0.2)\" --steps 1400 --fit constant.csv --fit cosine.csv";

    /// <summary>The exit code of a fit that did not converge: not bad input (2), but no prediction.</summary>
    public const int NotConvergedExitCode = 1;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var text = new Argument<string>("schedule") { Description = "The learning-rate schedule to predict, in SchedDsl's text form, e.g. \"wsd(2e-3, 0.1, 0.2)\"." };
        var steps = IntOption.Create("--steps", "The steps (batches) of the predicted fit.", 1, CliLimits.MaxSteps);
        steps.Required = true;
        var fit = new Option<string[]>("--fit")
        {
            Description = "A recorded curve to fit, repeated for each: 'step,lr,loss' CSV (LossCurveCsv, every batch) or the CSV logger's epoch file (then with --fit-schedule and --fit-steps).",
            Required = true,
        };
        var fitSchedule = new Option<string[]>("--fit-schedule") { Description = "The schedule of each CSV logger file among --fit, in their order." };
        var fitSteps = new Option<int[]>("--fit-steps") { Description = "The total steps of each CSV logger file's fit, in their order." };
        var column = new Option<string>("--column") { Description = "The CSV logger column to fit.", DefaultValueFactory = _ => "train_loss" };
        var firstStep = IntOption.Create("--first-step", "Fit the losses from this step on (the rates before it still count).", 1, CliLimits.MaxSteps, defaultValue: 1);
        var lambda = new Option<double>("--lambda")
        {
            Description = "The annealing momentum's decay factor λ, in [0, 1).",
            DefaultValueFactory = _ => AnnealingLossLaw.DefaultLambda,
        };
        var output = new Option<string>("--output", "-o") { Description = "The predicted curve's CSV file (step,lr,loss).", DefaultValueFactory = _ => "predicted.csv" };
        var plot = new Option<string>("--plot") { Description = "The picture: fitted curves, the law, the prediction, the learning rates.", DefaultValueFactory = _ => "predicted.png" };
        var command = new Command("predict", "Fit a loss law (Tissue et al. 2024) to recorded loss curves and predict the loss curve of another schedule.")
        {
            text, steps, fit, fitSchedule, fitSteps, column, firstStep, lambda, output, plot,
        };
        command.SetAction(result => CliRunner.Run(stderr, () =>
        {
            var sched = ScheduleText.Parse(result.GetValue(text)!);
            var total = result.GetValue(steps)!.Value;
            var files = result.GetValue(fit)!;
            foreach (var path in new[] { result.GetValue(output)!, result.GetValue(plot)! }.Where(Directory.Exists))
            {
                throw new CliError($"{path} is a folder; give a file name");
            }
            var curves = FittedCurves.Read(files, result.GetValue(fitSchedule) ?? [], result.GetValue(fitSteps) ?? [], result.GetValue(column)!);
            var options = new LossLawFitOptions { Lambda = Lambda(result.GetValue(lambda)), FirstStep = result.GetValue(firstStep)!.Value };
            var outcome = Fit(curves, options, files);
            if (outcome is not LossLawFit.Converged { Law: var law })
            {
                var failed = (LossLawFit.NotConverged)outcome;
                stderr.WriteLine($"error: the fit did not converge ({failed.Reason}); RMSE {Number(failed.Rmse)} over {failed.Points} losses at that point; nothing predicted");
                return NotConvergedExitCode;
            }
            var rates = LossCurve.LearningRatesOf(sched, total);
            var predicted = law.Predict(rates);
            LossCurveCsv.Write(result.GetValue(output)!, LossCurve.PerStep(rates, predicted));
            PredictPlot.Save(result.GetValue(plot)!, [.. files.Select((f, i) => (Path.GetFileNameWithoutExtension(f), curves[i]))], law, sched.ToString(), rates, predicted);
            stdout.WriteLine($"fitted {law} to {outcome.Points} losses of {curves.Count} curve(s): RMSE {Number(outcome.Rmse)}, {outcome.Iterations} iterations");
            stdout.WriteLine($"predicted loss after step {total} of {sched}: {Number(predicted[^1])}");
            stdout.WriteLine($"wrote {result.GetValue(output)} and {result.GetValue(plot)}");
            return 0;
        }));
        return command;
    }

    private static double Lambda(double value) =>
        value is >= 0 and < 1 ? value : throw new CliError($"--lambda must be in [0, 1), got {Number(value)}");

    /// <summary>The fit, with the library's "curve i" said as the file it came from.</summary>
    private static LossLawFit Fit(IReadOnlyList<LossCurve> curves, LossLawFitOptions options, string[] files)
    {
        try
        {
            return AnnealingLossLaw.Fit(curves, options);
        }
        catch (ArgumentException error)
        {
            var message = error.Message.Replace($" (Parameter '{error.ParamName}')", "", StringComparison.Ordinal);
            for (var i = files.Length - 1; i >= 0; i--)
            {
                message = message.Replace($"curve {i}", $"--fit {files[i]}", StringComparison.Ordinal);
            }
            throw new CliError(message);
        }
    }

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
