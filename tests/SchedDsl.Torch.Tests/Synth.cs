using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Tests;

/// <summary>fastai's synth_learner: y = a*x + b + noise, a RegModel with parameters a and b, and small MLPs.</summary>
/// <remarks>
/// Seeds torch's process-wide generator, as the model constructors draw their initial weights from it: reproducible
/// only because the test assemblies run their tests one at a time (xunit.runner.json).
/// </remarks>
internal static class Synth
{
    /// <summary>fastai's synth_dbunch(a=2, b=3, bs=16, n_train=10, n_valid=2).</summary>
    public static (TensorBatches Train, TensorBatches Valid) Data(int nTrain = 10, int nValid = 2, int bs = 16, int seed = 0, int features = 1)
    {
        var generator = manual_seed(seed);
        Tensor Make(int n, out Tensor y)
        {
            var x = randn(n * bs, features);
            y = (2 * x.sum(1, keepdim: true)) + 3 + (0.1 * randn(n * bs, 1));
            return x;
        }
        var xt = Make(nTrain, out var yt);
        var xv = Make(nValid, out var yv);
        return (new TensorBatches(xt, yt, bs, shuffle: true, seed: seed), new TensorBatches(xv, yv, bs));
    }

    public static Learner RegLearner(Hyper? lr = null, int seed = 0)
    {
        var (train, valid) = Data(seed: seed);
        manual_seed(seed);
        return new Learner(new RegModel(), train, valid, (p, t) => nn.functional.mse_loss(p, t)) { Lr = lr ?? 1e-3 };
    }

    /// <summary>A 3-group MLP with BatchNorm (buffers, norm parameters): Linear-BN-ReLU | Linear-ReLU | Linear.</summary>
    public static Learner MlpLearner(int seed = 0, int nTrain = 10)
    {
        var (train, valid) = Data(nTrain: nTrain, seed: seed, features: 4);
        manual_seed(seed);
        var model = nn.Sequential(
            ("fc1", nn.Linear(4, 8)), ("bn1", nn.BatchNorm1d(8)), ("act1", nn.ReLU()),
            ("fc2", nn.Linear(8, 8)), ("act2", nn.ReLU()),
            ("head", nn.Linear(8, 1)));
        return new Learner(model, train, valid, (p, t) => nn.functional.mse_loss(p, t)) { Splitter = Splitters.ByChildren(3, 5), Lr = 1e-2 };
    }

    public static nn.Module<Tensor, Tensor> Mlp(int inputs = 4, int hidden = 16) =>
        nn.Sequential(nn.Linear(inputs, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, 1));
}

/// <summary>fastai's RegModel: y = x*a + b.</summary>
internal sealed class RegModel : nn.Module<Tensor, Tensor>
{
    private readonly Parameter a = new(randn(1));
    private readonly Parameter b = new(randn(1));

    public RegModel()
        : base(nameof(RegModel)) => RegisterComponents();

    public Parameter A => a;

    public Parameter B => b;

    public override Tensor forward(Tensor input) => (input * a) + b;
}
