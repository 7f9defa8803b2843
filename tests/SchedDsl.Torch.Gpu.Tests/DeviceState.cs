using System.Reflection;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Gpu.Tests;

/// <summary>
/// A bit-for-bit picture of a model (parameters, gradients, <c>requires_grad</c>, buffers) and of an optimizer (group
/// options and every field of every per-parameter state, tensors included), taken on the tensors' own device and
/// compared after <c>.cpu()</c>. Unlike the CPU tests' <c>save_state_dict</c> bytes it also checks that each tensor is
/// still on the device and that restored optimizer-state tensors are the same objects (restored in place).
/// </summary>
internal sealed class DeviceState : IDisposable
{
    private readonly Device _device;
    private readonly List<(string Name, Tensor Value)> _tensors = [];
    private readonly bool[] _requiresGrad;
    private readonly List<byte[]> _options;
    private readonly List<(string Name, object? Value, IntPtr Handle)> _state = [];

    public DeviceState(nn.Module model, optim.Optimizer? optimizer, Device device)
    {
        _device = device;
        foreach (var (name, p) in model.named_parameters())
        {
            _tensors.Add((name, p.detach().clone()));
            if (p.grad is { } grad)
            {
                _tensors.Add((name + ".grad", grad.detach().clone()));
            }
        }
        _tensors.AddRange(model.named_buffers().Select(b => (b.name, b.buffer.detach().clone())));
        _requiresGrad = model.parameters().Select(p => p.requires_grad).ToArray();
        _options = Options(optimizer);
        foreach (var (name, value) in StateFields(optimizer))
        {
            _state.Add((name, value is Tensor t ? t.detach().clone() : value, value is Tensor h ? h.Handle : IntPtr.Zero));
        }
    }

    public void AssertSame(nn.Module model, optim.Optimizer? optimizer)
    {
        using var now = new DeviceState(model, optimizer, _device);
        Assert.Equal(_tensors.Select(t => t.Name), now._tensors.Select(t => t.Name));
        for (var i = 0; i < _tensors.Count; i++)
        {
            Devices.AssertOn(_device, now._tensors[i].Value, _tensors[i].Name);
            Assert.True(Bits.Same(_tensors[i].Value, now._tensors[i].Value), $"{_tensors[i].Name} changed");
        }
        Assert.Equal(_requiresGrad, now._requiresGrad);
        Assert.Equal(_options.Count, now._options.Count);
        for (var i = 0; i < _options.Count; i++)
        {
            Assert.True(_options[i].SequenceEqual(now._options[i]), $"the options of param group {i} changed");
        }
        Assert.Equal(_state.Select(s => s.Name), now._state.Select(s => s.Name));
        for (var i = 0; i < _state.Count; i++)
        {
            var (name, before, handle) = _state[i];
            var after = now._state[i].Value;
            if (before is Tensor b)
            {
                var a = Assert.IsAssignableFrom<Tensor>(after);
                Devices.AssertOn(_device, a, name);
                Assert.True(Bits.Same(b, a), $"optimizer state {name} changed");
                Assert.True(handle == now._state[i].Handle, $"optimizer state {name} was replaced, not restored in place");
            }
            else
            {
                Assert.True(Equals(before, after), $"optimizer state {name}: {before} became {after}");
            }
        }
    }

    /// <summary>Every tensor of the optimizer's per-parameter state, by name.</summary>
    public static IEnumerable<(string Name, Tensor Tensor)> StateTensors(optim.Optimizer optimizer) =>
        StateFields(optimizer).Where(f => f.Value is Tensor).Select(f => (f.Name, (Tensor)f.Value!));

    public void Dispose()
    {
        foreach (var (_, value) in _tensors)
        {
            value.Dispose();
        }
        foreach (var (_, value, _) in _state)
        {
            (value as Tensor)?.Dispose();
        }
    }

    private static List<byte[]> Options(optim.Optimizer? optimizer)
    {
        var list = new List<byte[]>();
        if (optimizer is not OptimizerHelper helper)
        {
            return list;
        }
        foreach (var options in helper.state_dict().Options)
        {
            using var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream))
            {
                options.SaveStateDict(writer);
            }
            list.Add(stream.ToArray());
        }
        return list;
    }

    private static IEnumerable<(string Name, object? Value)> StateFields(optim.Optimizer? optimizer)
    {
        if (optimizer is not OptimizerHelper helper)
        {
            yield break;
        }
        var index = 0;
        foreach (var state in helper.state_dict().State)
        {
            for (var t = state.GetType(); t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    var value = field.GetValue(state);
                    if (value is not Parameter) // the state's link to its parameter, not state
                    {
                        yield return ($"state[{index}].{field.Name}", value);
                    }
                }
            }
            index++;
        }
    }
}
