using System.Globalization;
using SchedDsl.Prediction;
using Xunit;

namespace SchedDsl.Cli.Tests;

public sealed class PredictCommandTests : IDisposable
{
    private const int Steps = 400;

    // A law of the size the paper reports; curves made by it are what a fit must give back.
    private static readonly AnnealingLossLaw Truth = new(0.3, 0.45, 0.55, 1.2);

    private readonly string _dir = Directory.CreateTempSubdirectory("scheddsl-predict-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PerStep(string name, Sched lr)
    {
        var path = Path.Combine(_dir, name);
        var rates = LossCurve.LearningRatesOf(lr, Steps);
        LossCurveCsv.Write(path, LossCurve.PerStep(rates, Truth.Predict(rates)));
        return path;
    }

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Fits_two_curves_and_writes_the_predicted_curve_and_a_plot()
    {
        var constant = PerStep("constant.csv", Sched.Const(2e-3));
        var cosine = PerStep("cosine.csv", Sched.Cos(2e-3, 0));
        var output = Path.Combine(_dir, "wsd.csv");
        var plot = Path.Combine(_dir, "wsd.png");

        var (exitCode, stdout, stderr) = await CliHarness.Run(
            "predict", "wsd(2e-3, 0.1, 0.2)", "--steps", "1000", "--fit", constant, "--fit", cosine, "-o", output, "--plot", plot);

        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        Assert.Contains("fitted L(s) = 0.3 + 0.45·S1^(−0.55) − 1.2·S2 (λ = 0.999) to 800 losses of 2 curve(s)", stdout, StringComparison.Ordinal);
        var predicted = LossCurveCsv.Read(output);
        var expected = Truth.Predict(Sched.Wsd(2e-3, 0.1, 0.2), 1000);
        Assert.Equal(1000, predicted.TotalSteps);
        // The fit is exact to ~1e-9 on curves the law made (see the library's tests); 1e-6 on a loss near 0.3 says the
        // prediction is the law's, not just near it.
        Assert.Equal(expected[^1], predicted.Losses[^1], 1e-6);
        Assert.Contains($"predicted loss after step 1000 of wsd(0.002, 0.1, 0.2): {expected[^1].ToString("G6", CultureInfo.InvariantCulture)}", stdout, StringComparison.Ordinal);
        Assert.True(new FileInfo(plot).Length > 10_000, "plot written");
    }

    [Fact]
    public async Task A_csv_logger_file_fits_with_its_schedule_and_steps()
    {
        var constant = PerStep("constant.csv", Sched.Const(2e-3));
        var cosine = Sched.Cos(2e-3, 0);
        var losses = Truth.Predict(cosine, Steps);
        var rows = Enumerable.Range(0, 8).Select(e =>
            $"{e},{losses[((e + 1) * Steps / 8) - 1].ToString("F6", CultureInfo.InvariantCulture)},0.5,0.8,00:01");
        var logged = File("history.csv", "epoch,train_loss,valid_loss,accuracy,time\n" + string.Join('\n', rows) + "\n");

        var (exitCode, stdout, stderr) = await CliHarness.Run(
            "predict", "step_decay(2e-3, 0.3333, 0.1)", "--steps", "500", "--fit", constant, "--fit", logged,
            "--fit-schedule", "cos(2e-3, 0)", "--fit-steps", $"{Steps}", "-o", Path.Combine(_dir, "p.csv"), "--plot", Path.Combine(_dir, "p.png"));

        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        Assert.Contains("to 408 losses of 2 curve(s)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fit_that_does_not_converge_predicts_nothing_and_says_its_residual()
    {
        // A straight rising line: no decreasing power of the area fits it, and the exponent runs off.
        var rates = Enumerable.Repeat(1e-3, 50).ToArray();
        var path = Path.Combine(_dir, "rising.csv");
        LossCurveCsv.Write(path, LossCurve.PerStep(rates, [.. Enumerable.Range(0, 50).Select(i => 1 + (0.01 * i))]));
        var output = Path.Combine(_dir, "never.csv");

        var (exitCode, stdout, stderr) = await CliHarness.Run("predict", "cos(1e-3, 0)", "--steps", "50", "--fit", path, "-o", output, "--plot", Path.Combine(_dir, "never.png"));

        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: the fit did not converge (", stderr, StringComparison.Ordinal);
        Assert.Contains("; RMSE ", stderr, StringComparison.Ordinal);
        Assert.Contains("nothing predicted", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n'));
        Assert.False(System.IO.File.Exists(output));
    }

    public static TheoryData<string[], string> BadInputs => new()
    {
        { ["--steps", "100", "--fit", "{missing}"], "error: Could not find file" },
        { ["--steps", "0", "--fit", "{constant}"], "error: --steps must be an integer in [1, 1000000], got '0'" },
        { ["--steps", "100"], "error: Option '--fit' is required." },
        { ["--steps", "100", "--fit", "{short}"], "error: --fit {short} is too short to fit: 3 loss(es) from step 1 with a learning rate applied, at least 5 needed" },
        { ["--steps", "100", "--fit", "{nan}"], "error: --fit {nan}: loss 2 (after step 3) is NaN; every loss must be finite" },
        { ["--steps", "100", "--fit", "{logged}"], "error: 1 of the --fit files are CSV logger files (one row per epoch), and each needs its fit's --fit-schedule and --fit-steps, in the same order; got 0 --fit-schedule and 0 --fit-steps" },
        { ["--steps", "100", "--fit", "{logged}", "--fit-schedule", "cos(1e-3, 0)", "--fit-steps", "100", "--column", "loss"], "error: {logged}: the header must be 'step,lr,loss' or the CSV logger's 'epoch,train_loss,valid_loss,…' with a 'loss' column" },
        { ["--steps", "100", "--fit", "{constant}", "--lambda", "1"], "error: --lambda must be in [0, 1), got 1" },
        { ["--steps", "100", "--fit", "{dir}"], "error: --fit {dir} is a folder; give a CSV file" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_one_line_on_stderr_and_exit_code_2(string[] args, string message)
    {
        var files = new Dictionary<string, string>
        {
            ["{constant}"] = PerStep("constant.csv", Sched.Const(2e-3)),
            ["{missing}"] = Path.Combine(_dir, "missing.csv"),
            ["{short}"] = File("short.csv", "step,lr,loss\n1,0.001,2\n2,0.001,1.9\n3,0.001,1.8\n"),
            ["{nan}"] = File("nan.csv", "step,lr,loss\n" + string.Join('\n', Enumerable.Range(1, 10).Select(s => $"{s},0.001,{(s == 3 ? "NaN" : "1.5")}")) + "\n"),
            ["{logged}"] = File("history.csv", "epoch,train_loss,valid_loss,time\n0,1.0,1.0,00:01\n"),
            ["{dir}"] = _dir,
        };
        string Fill(string text) => files.Aggregate(text, (t, f) => t.Replace(f.Key, f.Value, StringComparison.Ordinal));

        var (exitCode, stdout, stderr) = await CliHarness.Run(["predict", "cos(1e-3, 0)", .. args.Select(Fill), "-o", Path.Combine(_dir, "p.csv"), "--plot", Path.Combine(_dir, "p.png")]);

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.StartsWith(Fill(message), stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n'));
    }
}
