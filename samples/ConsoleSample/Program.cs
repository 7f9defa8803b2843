using SchedDsl;
using SchedDsl.Plotting;
using SchedDsl.Torch;
using TorchSharp;
using static TorchSharp.torch;

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
var runner = new ScheduleRunner(optimizer, steps, schedules);   // the loop owns the step; Apply(i) before batch i trains
for (var i = 0; i < steps; i++)
{
    using var scope = NewDisposeScope();
    runner.Apply(i);
    optimizer.zero_grad();
    var loss = nn.functional.mse_loss(model.call(x), y);
    loss.backward();
    optimizer.step();
    if (i % 50 == 0 || i == steps - 1)
    {
        Console.WriteLine($"step {i,3}: lr={runner.History!.Get(HyperParameter.LearningRate)[i]:0.00000} loss={loss.item<float>():0.000000}");
    }
}
var lrs = runner.History!.Get(HyperParameter.LearningRate);
Console.WriteLine($"peak lr {lrs.Max():0.###} at step {lrs.ToList().IndexOf(lrs.Max())}; final loss below 1e-3: {nn.functional.mse_loss(model.call(x), y).item<float>() < 1e-3}");

// The recorded schedule as a picture (SchedDsl.Plotting: ScottPlot with its Linux native and embedded font).
var picture = Path.Combine(Path.GetTempPath(), "scheddsl-console-sample", "sched.png");
runner.History!.ToRecordedSchedule().PlotSchedule(picture);
Console.WriteLine($"wrote {picture} ({new FileInfo(picture).Length / 1024} KB)");
