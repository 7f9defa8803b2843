using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Tests;

/// <summary>Bit-for-bit pictures of a model and optimizer for restore tests.</summary>
internal sealed class TorchState
{
    private readonly List<Tensor> _tensors;
    private readonly byte[] _optimizer;
    private readonly byte[] _optimizerState;
    private readonly bool[] _requiresGrad;

    public TorchState(nn.Module model, optim.Optimizer? optimizer)
    {
        _tensors = model.parameters().Select(p => p.detach().clone()).Concat(model.buffers().Select(b => b.detach().clone())).ToList();
        _requiresGrad = model.parameters().Select(p => p.requires_grad).ToArray();
        _optimizer = OptimizerBytes(optimizer);
        _optimizerState = StateBytes(optimizer);
    }

    /// <summary>The optimizer's per-parameter state (buffers, step counts) without its param groups' options.</summary>
    public static byte[] StateBytes(optim.Optimizer? optimizer)
    {
        if (optimizer is null)
        {
            return [];
        }
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            foreach (var state in ((OptimizerHelper)optimizer).state_dict().State)
            {
                state.SaveStateDict(writer);
            }
        }
        return stream.ToArray();
    }

    public static byte[] OptimizerBytes(optim.Optimizer? optimizer)
    {
        if (optimizer is null)
        {
            return [];
        }
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            ((OptimizerHelper)optimizer).save_state_dict(writer);
        }
        return stream.ToArray();
    }

    /// <summary>Asserts bit-equal tensors, trainable flags and optimizer; with <paramref name="options"/> false, the optimizer's state only.</summary>
    public void AssertSame(nn.Module model, optim.Optimizer? optimizer, bool options = true)
    {
        var now = model.parameters().Select(p => (Tensor)p).Concat(model.buffers()).ToList();
        Assert.Equal(_tensors.Count, now.Count);
        for (var i = 0; i < now.Count; i++)
        {
            Assert.True(Bits.Same(_tensors[i], now[i]), $"tensor {i} changed");
        }
        Assert.Equal(_requiresGrad, model.parameters().Select(p => p.requires_grad).ToArray());
        if (options)
        {
            Assert.Equal(_optimizer, OptimizerBytes(optimizer));
        }
        else
        {
            Assert.Equal(_optimizerState, StateBytes(optimizer));
        }
    }
}
