using Xunit;

namespace SchedDsl.Torch.Tests;

/// <summary>One clock, owned by the loop: every callback of a batch sees the values that batch trains with.</summary>
public sealed class FitClockTests
{
    /// <summary>Reads the optimizer's lr, before and after the step, from a callback ordered after everything else.</summary>
    private sealed class LateReader : Callback
    {
        public override int Order => 1000;

        public List<(int Iteration, double Pct, double Before, double After, double Hyper)> Seen { get; } = [];

        private (int, double, double) _before;

        public override void BeforeBatch(FitContext context) =>
            _before = (context.Iteration, context.PctTrain, context.Optimizer.ParamGroups.First().LearningRate);

        public override void AfterBatch(FitContext context) =>
            Seen.Add((_before.Item1, _before.Item2, _before.Item3, context.Optimizer.ParamGroups.First().LearningRate, context.Hypers[HyperParameter.LearningRate, 0]));
    }

    [Fact]
    public void A_late_callback_reads_batch_i_values_at_i_over_total_before_and_after_the_step()
    {
        using var learn = Synth.RegLearner();
        var reader = new LateReader();
        var lin = Sched.Lin(1e-3, 1e-2);
        learn.Fit(2, new Dictionary<HyperParameter, Sched> { [HyperParameter.LearningRate] = lin }, callbacks: [reader]);
        var total = 2 * learn.Train.Count;
        Assert.Equal(total, reader.Seen.Count);
        for (var i = 0; i < total; i++)
        {
            var (iteration, pct, before, after, hyper) = reader.Seen[i];
            Assert.Equal(i, iteration);
            Assert.Equal((double)i / total, pct);
            // Batch 0 reads 1e-3 (main once read 0.0019, batch 1's value, in AfterBatch).
            Assert.Equal(lin.At((double)i / total), before);
            Assert.Equal(before, after);
            Assert.Equal(before, hyper);
        }
        Assert.Equal(Enumerable.Range(0, total).Select(i => lin.At((double)i / total)), learn.Recorder!.Lrs);
    }

    [Fact]
    public void Layout_maps_each_param_group_to_its_layer_group_and_marks_no_decay_groups()
    {
        using var learn = Synth.MlpLearner();
        GroupLayout? layout = null;
        learn.Fit(1, callbacks: [new OnBeforeFit(c => layout = c.Layout)]);
        Assert.NotNull(layout);
        Assert.Equal(3, layout.LayerGroupCount);
        // Each layer group: a decay group (weights) and a no-decay group (biases, BatchNorm).
        Assert.Equal([0, 0, 1, 1, 2, 2], Enumerable.Range(0, layout.ParamGroupCount).Select(layout.LayerGroupOf));
        Assert.Equal([false, true, false, true, false, true], Enumerable.Range(0, layout.ParamGroupCount).Select(layout.HasNoWeightDecay));
    }

    [Fact]
    public void FitOneCycle_on_sgd_without_momentum_records_momentum_and_leaves_it_off_as_fastai()
    {
        using var learn = Synth.RegLearner();
        learn.OptimizerFactory = Optimizers.Sgd();
        var recorder = learn.FitOneCycle(1, 1e-2);
        Assert.Equal([HyperParameter.Momentum], recorder.Hypers.NotApplied);
        Close.Equal(Sched.OneCycleMomentum().Sample(recorder.Hypers.Count), recorder.Hypers.Get(HyperParameter.Momentum));
        Assert.All(learn.Optimizer!.ParamGroups.Cast<TorchSharp.Modules.SGD.ParamGroup>(), g => Assert.Equal(0, g.Momentum));
    }

    [Fact]
    public void FitOneCycle_on_rmsprop_without_momentum_records_momentum_as_fastai()
    {
        using var learn = Synth.RegLearner();
        learn.OptimizerFactory = Optimizers.RmsProp();
        var recorder = learn.FitOneCycle(1, 1e-2);
        // fastai's moms start at 0.95 (fit_one_cycle's default moms=(0.95, 0.85, 0.95)).
        Assert.Equal(0.95, recorder.Hypers.Get(HyperParameter.Momentum, 0)[0], 15);
        Assert.All(learn.Optimizer!.ParamGroups.Cast<TorchSharp.Modules.RMSProp.ParamGroup>(), g => Assert.Equal(0, g.Momentum));
    }

    private sealed class OnBeforeFit(Action<FitContext> action) : Callback
    {
        public override void BeforeFit(FitContext context) => action(context);
    }
}

/// <summary>The recorder's text table reads its columns and cells from the one definition the progress table and CSV use.</summary>
public sealed class RecorderTableTests
{
    [Fact]
    public void FormatTable_has_the_EpochColumns_header_and_a_line_per_epoch()
    {
        using var learn = Synth.RegLearner();
        var recorder = learn.Fit(2, 1e-2);
        var lines = recorder.FormatTable().TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal(EpochColumns.Names(recorder.MetricNames), lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(EpochColumns.Cells(recorder.Epochs[1], recorder.MetricNames.Count), lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void FormatTable_columns_are_EpochColumns_Width_wide_and_Separator_apart_as_fastprogress()
    {
        using var learn = Synth.RegLearner();
        var recorder = learn.Fit(1, 1e-2);
        var lines = recorder.FormatTable().Split('\n');
        // fastprogress pads each name to at least 8 and joins with two spaces: "epoch   " is 8 wide, "train_loss" 10.
        Assert.StartsWith("epoch     train_loss  valid_loss  time", lines[0], StringComparison.Ordinal);
        Assert.Equal([0, 10, 22, 34], CellStarts(lines[0]));
        Assert.Equal([0, 10, 22, 34], CellStarts(lines[1]));
    }

    private static int[] CellStarts(string line) =>
        [.. Enumerable.Range(0, line.Length).Where(i => line[i] != ' ' && (i == 0 || line[i - 1] == ' '))];
}
