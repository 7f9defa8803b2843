using GeneratorSample;
using SchedDsl;
using static TorchSharp.torch;

// Fit y = 3x + 1 with SGD under fastai's one-cycle policy, scheduled by a generated, typed scheduler.
// Recipes.LearningRate is one_cycle(0.1), written as compile-time checked text (Schedules.cs).
var schedule = new SgdSchedule { LearningRate = Recipes.LearningRate, Momentum = Sched.OneCycleMomentum() };
Console.WriteLine($"schedule: {schedule.ToText()}");

random.manual_seed(0);
using var x = rand(256, 1);
using var y = (3 * x) + 1 + (0.01 * randn(256, 1));
using var model = nn.Linear(1, 1);
using var optimizer = optim.SGD(model.parameters(), 0.1);
var applier = schedule.Bind(optimizer);

const int steps = 300;
var loss = double.NaN;
for (var i = 0; i < steps; i++)
{
    var pos = Positions.At(i, steps);
    applier.Apply(pos);
    using var scope = NewDisposeScope();
    optimizer.zero_grad();
    var output = nn.functional.mse_loss(model.call(x), y);
    output.backward();
    optimizer.step();
    loss = output.item<float>();
    if (i % 60 == 0 || i == steps - 1)
    {
        var values = schedule.At(pos);
        Console.WriteLine($"step {i,3}  lr={values.LearningRate:F5}  mom={values.Momentum:F4}  loss={loss:F6}");
    }
}

var weight = model.weight!.item<float>();
var bias = model.bias!.item<float>();
Console.WriteLine($"fitted y = {weight:F3}x + {bias:F3}");
return loss < 1e-2 ? 0 : 1;
