using SchedDsl.LrFinding;
using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Tests;

/// <summary><c>LrFind(runs: n)</c>: n range tests from one starting point on other data orders, and their spread.</summary>
public sealed class LrFindRunsTests
{
    /// <summary>An MLP with dropout, so that training draws from torch's CPU generator and its restore is visible.</summary>
    private static Learner DropoutLearner(int nTrain = 10)
    {
        var (train, valid) = Synth.Data(nTrain: nTrain, features: 4);
        manual_seed(1);
        var model = nn.Sequential(("fc1", nn.Linear(4, 16)), ("act", nn.ReLU()), ("drop", nn.Dropout(0.5)), ("head", nn.Linear(16, 1)));
        return new Learner(model, train, valid, (p, t) => nn.functional.mse_loss(p, t));
    }

    private static byte[] Rng()
    {
        using var state = random.get_rng_state();
        return state.data<byte>().ToArray();
    }

    [Fact]
    public void Three_runs_each_see_their_own_data_order_and_report_each_suggestion_per_run_with_median_and_range()
    {
        using var learn = Synth.MlpLearner(nTrain: 10);
        var found = learn.LrFind(numIt: 30, stopDiv: false, runs: 3);

        Assert.Equal(3, found.Runs.Count);
        Assert.All(found.Runs, run => Assert.Equal(found.Lrs, run.Lrs)); // one schedule: every run has the same lrs
        // Same weights, optimizer and generator at each start: only the order of the batches differs, so the first
        // smoothed loss (the first batch's loss) differs from run to run.
        Assert.Equal(3, found.Runs.Select(run => run.Losses[0]).Distinct().Count());

        var spread = found.Spread;
        Assert.Equal(3, spread.Runs);
        foreach (var method in Enum.GetValues<LrSuggestionMethod>())
        {
            var s = spread[method]!;
            var perRun = found.Runs.Select(run => run.Suggest()!.Value[method]!.Value.Lr).ToArray();
            Assert.Equal(perRun.Select(v => (double?)v), s.PerRun);
            var sorted = perRun.Order().ToArray();
            Assert.Equal((sorted[0], sorted[1], sorted[2]), (s.Low, s.Median, s.High)); // odd count: the middle run
            Assert.Equal(3, s.Count);
        }
        // The first run is the result's own curve and suggestions.
        Assert.Equal(found.Suggestions!.Valley, spread.Valley!.PerRun[0]);
    }

    [Fact]
    public void Runs_1_is_the_first_run_of_runs_3_and_both_leave_the_learner_alike_weights_optimizer_generator_and_recorder()
    {
        using var learn = DropoutLearner();
        learn.FitOneCycle(1); // a non-trivial optimizer state (AdamW moments, step counts)
        var before = new TorchState(learn.Model, learn.Optimizer);
        manual_seed(42);
        var start = Rng();

        var one = learn.LrFind(numIt: 30, stopDiv: false);
        var rngAfterOne = Rng();
        var recordedOne = learn.Recorder!.Losses.ToArray();
        before.AssertSame(learn.Model, learn.Optimizer);

        random.set_rng_state(tensor(start));
        var three = learn.LrFind(numIt: 30, stopDiv: false, runs: 3);
        before.AssertSame(learn.Model, learn.Optimizer);
        Assert.Equal(rngAfterOne, Rng());
        Assert.NotEqual(start, rngAfterOne); // dropout drew from the generator: the check above is not vacuous
        Assert.Equal(recordedOne, learn.Recorder!.Losses);

        Assert.Single(one.Runs);
        Assert.Equal(one.Losses, three.Losses); // bit for bit: Assert.Equal on doubles is exact
        Assert.Equal(one.Lrs, three.Lrs);
        Assert.Equal(one.Suggestions, three.Suggestions);
        Assert.Equal(one.Losses, three.Runs[0].Losses);
        Assert.Equal(one.Spread.Valley!.Median, one.Suggestions!.Valley); // one run: the median is that run
        Assert.Equal(1, one.Spread.Valley.Factor);
    }

    [Fact]
    public void A_run_that_throws_midway_still_restores_bit_for_bit()
    {
        using var learn = DropoutLearner(nTrain: 4);
        learn.FitOneCycle(1);
        var before = new TorchState(learn.Model, learn.Optimizer);
        learn.Callbacks.Add(new ThrowInRun(run: 2, iteration: 5));
        var error = Assert.Throws<InvalidOperationException>(() => learn.LrFind(numIt: 20, runs: 3));
        Assert.Equal("boom in run 2", error.Message);
        before.AssertSame(learn.Model, learn.Optimizer);
    }

    [Fact]
    public void Several_runs_of_data_that_is_never_reshuffled_are_refused_one_run_is_not()
    {
        manual_seed(0);
        var inOrder = new TensorBatches(randn(64, 4), randn(64, 1), 16);
        using var learn = new Learner(Synth.Mlp(), inOrder, null, (p, t) => nn.functional.mse_loss(p, t));
        var error = Assert.Throws<ArgumentException>(() => learn.LrFind(numIt: 10, runs: 2));
        Assert.StartsWith("runs = 2 needs training data that is reshuffled each epoch (TensorBatches with shuffle: true)", error.Message, StringComparison.Ordinal);
        Assert.Single(learn.LrFind(numIt: 10).Runs);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Learner.MaxLrFindRuns + 1)]
    public void Runs_outside_1_to_the_bound_are_refused_naming_the_range(int runs)
    {
        using var learn = Synth.MlpLearner(nTrain: 2);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => learn.LrFind(numIt: 5, runs: runs));
        Assert.Contains($"runs must be in [1, {Learner.MaxLrFindRuns}], got {runs}", error.Message, StringComparison.Ordinal);
    }

    private sealed class ThrowInRun(int run, int iteration) : Callback
    {
        private int _fits;

        public override void BeforeFit(FitContext context) => _fits++;

        public override void AfterBatch(FitContext context)
        {
            if (_fits == run && context.Iteration == iteration)
            {
                throw new InvalidOperationException($"boom in run {run}");
            }
        }
    }
}
