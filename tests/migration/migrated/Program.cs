// tests/migration/v-prev/Program.cs migrated to today's API with docs/migration.md alone (the rows used are listed in
// tests/migration/README.md). scripts/check-migration.sh runs it against the packed packages and compares what it
// prints with tests/migration/golden.txt, what the old program printed against the previous release.
using SchedDsl;
using SchedDsl.Torch;
using TorchSharp;
using static TorchSharp.torch;

torch.set_num_threads(1);   // probe: one thread, so float sums add up in one order on any machine

// A hand-written loop: fit y = 3x - 1 with SGD while ScheduleRunner drives lr and momentum through one cycle.
torch.manual_seed(0);
var model = nn.Linear(1, 1);
using var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9);
var x = rand(256, 1);
var y = (3 * x) - 1;

const int steps = 200;
var schedules = new Dictionary<HyperParameter, Sched>
{
    [HyperParameter.LearningRate] = Sched.Parse("one_cycle(0.5)"),
    [HyperParameter.Momentum] = Sched.OneCycleMomentum(),
};
var applied = new List<double>();   // probe: the lr each batch trained with
var runner = new ScheduleRunner(optimizer, steps, schedules);   // applies nothing; Apply(step) before each batch
var step = 0;
for (var i = 0; i < steps; i++)
{
    using var scope = NewDisposeScope();
    runner.Apply(step++);
    optimizer.zero_grad();
    var loss = nn.functional.mse_loss(model.call(x), y);
    loss.backward();
    applied.Add(optimizer.ParamGroups.First().LearningRate);   // probe
    optimizer.step();
    if (i % 50 == 0 || i == steps - 1)
    {
        Console.WriteLine($"step {i,3}: lr={runner.History!.Get(HyperParameter.LearningRate)[i]:0.00000} loss={loss.item<float>():0.000000}");
    }
}
var lrs = runner.History!.Get(HyperParameter.LearningRate);
Console.WriteLine($"peak lr {lrs.Max():0.###} at step {lrs.ToList().IndexOf(lrs.Max())}; final loss below 1e-3: {nn.functional.mse_loss(model.call(x), y).item<float>() < 1e-3}");
Probe.Print("loop applied lr", applied);
Probe.Print("loop weights", model.parameters());
Console.WriteLine($"probe: loop finished {step == runner.TotalSteps} at step {step}");
Probe.Print("optimizer lr after the loop", [optimizer.ParamGroups.First().LearningRate]);
Probe.Print("runner current lr, mom", [runner.Values![HyperParameter.LearningRate, 0], runner.Values![HyperParameter.Momentum, 0]]);
Console.WriteLine($"probe: runner groups {runner.Applier.GroupCount}");
Probe.Print("runner lr schedule at 0.5", schedules[HyperParameter.LearningRate].ForGroups(runner.Applier.GroupCount).Select(s => s.At(0.5)));

// The Learner on a user's own batch source: y = 2a - b + 0.5 by a small MLP, AdamW with the Learner's defaults.
torch.manual_seed(1);
var inputs = rand(96, 2);
var targets = (2 * inputs[.., 0..1]) - inputs[.., 1..2] + 0.5;
var net = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 1));
using var learn = new Learner(net, new RowBatches(inputs, targets, 16), new TensorBatches(inputs, targets, 32), (prediction, target) => nn.functional.mse_loss(prediction, target))
{
    WeightDecay = 0.05,
    DecayNormsAndBiases = false,
    TrainNormsWhenFrozen = true,
};
var found = learn.LrFind(numIt: 30);
Probe.Print("lr_find lrs", found.Lrs);
Probe.Print("lr_find losses", found.Losses);
Probe.Print("after lr_find weights", net.parameters());
var fit = learn.Fit(2, new Dictionary<HyperParameter, Sched>
{
    [HyperParameter.LearningRate] = Sched.Parse("cos(1e-2, 1e-3)"),
    [HyperParameter.Momentum] = Sched.Parse("0.9"),
});
Probe.Print("fit_with lrs", fit.Lrs);
Probe.Print("fit_with losses", fit.Losses);
var cycle = learn.FitOneCycle(2, 1e-2, weightDecay: 0.1);
Probe.Print("one_cycle lrs", cycle.Lrs);
Probe.Print("one_cycle losses", cycle.Losses);
Probe.Print("one_cycle valid loss", cycle.Epochs.Select(e => e.ValidLoss ?? double.NaN));
Probe.Print("final weights", net.parameters());

// Resuming the loop halfway, at half the learning rate.
torch.manual_seed(2);
var resumed = nn.Linear(1, 1);
using var resumedOptimizer = optim.SGD(resumed.parameters(), 0.1, momentum: 0.9);
var resumedApplier = new HyperApplier(resumedOptimizer, schedules);
var resumedRunner = new ScheduleRunner(resumedApplier, steps);
resumedApplier.ScaleLr(0, 0.5);
var resumedStep = 100;
var resumedApplied = new List<double>();   // probe
while (resumedStep != resumedRunner.TotalSteps)
{
    using var scope = NewDisposeScope();
    resumedRunner.Apply(resumedStep++);
    resumedOptimizer.zero_grad();
    nn.functional.mse_loss(resumed.call(x), y).backward();
    resumedApplied.Add(resumedOptimizer.ParamGroups.First().LearningRate);   // probe
    resumedOptimizer.step();
}
Probe.Print("resumed applied lr", resumedApplied);
Probe.Print("resumed weights", resumed.parameters());
Console.WriteLine($"probe: resumed lr scale {resumedApplier.LrScale(0)}, history of {resumedRunner.History!.Get(HyperParameter.LearningRate).Count} steps from {resumedRunner.History!.FirstStep}");

// The Learner again: a constant learning rate, a shuffled source, the results table's columns.
var scheduled = learn.Fit(1, 3e-3);
Probe.Print("constant lrs", scheduled.Lrs);
Probe.Print("constant losses", scheduled.Losses);
Console.WriteLine($"probe: columns {string.Join(",", EpochColumns.Names(scheduled.MetricNames))}");
var shuffled = new TensorBatches(inputs, targets, 32, shuffle: true, seed: 3);
var rows = inputs[.., 0].data<float>().Order().ToArray();
var epochs = Enumerable.Range(0, 2).Select(epoch => shuffled.GetBatches(epoch).SelectMany(b => b.Input[.., 0].data<float>().ToArray()).Order()).ToList();
Console.WriteLine($"probe: each shuffled epoch holds every row once: {epochs.All(e => e.SequenceEqual(rows))}");

// Schedules and per-group values (SchedDsl.Core).
double[] positions = [0, 0.1, 0.25, 0.3, 0.5, 0.75, 0.9, 1];
var warm = Sched.CombineScheds([0.3, 0.7], [Sched.Parse("cos(0.1, 1)"), Sched.Parse("cos(1, 0)")]);
Probe.Print("combine", positions.Select(warm.At));
Probe.Print("one_cycle_3phase", positions.Select(Sched.OneCycle3Phase(1.0, finalDivFactor: 1e3).At));
Probe.Print("one_cycle_3phase text", positions.Select(Sched.Parse("one_cycle_3phase(1.0, final_div_factor=1e3)").At));
Sched[] perGroup = [.. Sched.Parse("one_cycle(slice(1e-4, 1e-2))").ForGroups(3)];
Probe.Print("per-group one_cycle at 0.25", perGroup.Select(s => s.At(0.25)));
Probe.Print("group 0 of 3", positions.Select(Sched.Parse("one_cycle(slice(1e-4, 1e-2))").ForGroups(3)[0].At));
Probe.Print("lr range", Hyper.Slice(1e-4, 1e-2).ForGroups(3));
Probe.Print("slice group 1 of 3", [Hyper.Slice(1e-4, 1e-2).ForGroups(3)[1]]);
try
{
    Sched.Cos(0.1, double.NaN);
}
catch (SchedDsl.SchedArgumentException e)
{
    Console.WriteLine($"probe: rejected by {e.Function}");
}
try
{
    Sched.Parse("cos(0.1,");
}
catch (SchedDsl.SchedParseException e)
{
    Console.WriteLine($"probe: parse error at line {e.Line}, column {e.Column}");
}

/// <summary>A user's batch source: rows in order, in batches of <c>size</c>.</summary>
internal sealed class RowBatches(Tensor inputs, Tensor targets, int size) : IBatchSource
{
    public int Count => (int)((inputs.shape[0] + size - 1) / size);

    public IEnumerable<Batch> GetBatches(int epoch)
    {
        for (var start = 0L; start < inputs.shape[0]; start += size)
        {
            var length = Math.Min(size, inputs.shape[0] - start);
            yield return new Batch(inputs.narrow(0, start, length), targets.narrow(0, start, length));
        }
    }
}

/// <summary>Prints numbers rounded to 6 significant digits: the same training gives the same line.</summary>
internal static class Probe
{
    public static void Print(string what, IEnumerable<double> values) =>
        Console.WriteLine($"probe: {what} = [{string.Join(", ", values.Select(v => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)))}]");

    public static void Print(string what, IEnumerable<Tensor> parameters) =>
        Print(what, parameters.SelectMany(p => p.detach().cpu().to_type(ScalarType.Float64).data<double>().ToArray()));
}
