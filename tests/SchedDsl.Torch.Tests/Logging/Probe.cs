using static TorchSharp.torch;

namespace SchedDsl.Torch.Tests;

/// <summary>A callback that runs an action after each epoch, after every library callback (order 100).</summary>
internal sealed class Probe(Action<FitContext> afterEpoch) : Callback
{
    public override int Order => 100;

    public override void AfterEpoch(FitContext context) => afterEpoch(context);

    /// <summary>A metric that always reads 0.5: a named column whose value the test knows.</summary>
    internal sealed class Constant(string name) : Metric
    {
        public override string Name => name;

        public override void Reset(Device device)
        {
        }

        public override void Accumulate(Tensor prediction, Tensor target)
        {
        }

        public override double Compute() => 0.5;
    }
}
