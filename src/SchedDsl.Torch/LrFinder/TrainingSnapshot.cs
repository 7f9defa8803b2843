using System.Reflection;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SchedDsl.Torch;

/// <summary>
/// An in-memory copy of a model's parameters (values, gradients, <c>requires_grad</c>), buffers and training flag and of
/// an optimizer's group options and per-parameter state, restored bit for bit. Copies stay on the tensors' device
/// (<c>clone()</c>, no host round trip), so taking and restoring a snapshot does not synchronise with a GPU.
/// </summary>
/// <remarks>
/// Optimizer state is read through TorchSharp's <c>state_dict()</c> (the live state objects) and copied field by field:
/// tensor fields are cloned, value fields copied. Group options (numbers only) go through their own
/// <c>SaveStateDict</c>/<c>LoadStateDict</c> into a memory buffer. Not thread-safe.
/// </remarks>
public sealed class TrainingSnapshot : IDisposable
{
    private readonly nn.Module _model;
    private readonly OptimizerHelper? _optimizer;
    private readonly List<(Parameter Param, Tensor Value, Tensor? Grad, bool RequiresGrad)> _parameters = [];
    private readonly List<(Tensor Buffer, Tensor Value)> _buffers = [];
    private readonly bool _training;
    private readonly List<byte[]> _options;
    private readonly List<(OptimizerState State, List<(FieldInfo Field, object? Value)> Fields)> _states = [];

    private TrainingSnapshot(nn.Module model, optim.Optimizer? optimizer)
    {
        _model = model;
        _training = model.training;
        using var noGrad = no_grad();
        foreach (var p in model.parameters())
        {
            var grad = p.grad;
            _parameters.Add((p, Keep(p.detach().clone()), grad is null ? null : Keep(grad.detach().clone()), p.requires_grad));
        }
        foreach (var b in model.buffers())
        {
            _buffers.Add((b, Keep(b.detach().clone())));
        }
        if (optimizer is null)
        {
            _options = [];
            return;
        }
        _optimizer = optimizer as OptimizerHelper
            ?? throw new NotSupportedException($"{optimizer.GetType().Name} is not a TorchSharp managed optimizer (OptimizerHelper); its state cannot be snapshotted");
        _options = SaveOptions(_optimizer);
        foreach (var state in _optimizer.state_dict().State)
        {
            _states.Add((state, Fields(state.GetType()).Select(f => (f, Copy(f, f.GetValue(state)))).ToList()));
        }
    }

    /// <summary>Copies the model's and optimizer's state now.</summary>
    /// <param name="model">The model.</param>
    /// <param name="optimizer">Its optimizer (a TorchSharp managed optimizer), or null for the model only.</param>
    /// <exception cref="NotSupportedException">An optimizer whose state is not reachable, or a state field of a type it cannot copy.</exception>
    public static TrainingSnapshot Capture(nn.Module model, optim.Optimizer? optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new TrainingSnapshot(model, optimizer);
    }

    /// <summary>Writes the copied state back, in place where shapes allow (tensor identities are kept).</summary>
    public void Restore()
    {
        using var noGrad = no_grad();
        foreach (var (param, value, grad, requiresGrad) in _parameters)
        {
            param.copy_(value);
            param.requires_grad = requiresGrad;
            var current = param.grad;
            if (grad is null)
            {
                if (current is not null)
                {
                    param.grad = null;
                }
            }
            else if (current is not null && current.shape.SequenceEqual(grad.shape))
            {
                current.copy_(grad);
            }
            else
            {
                param.grad = grad.clone();
            }
        }
        foreach (var (buffer, value) in _buffers)
        {
            buffer.copy_(value);
        }
        _model.train(_training);
        if (_optimizer is null)
        {
            return;
        }
        LoadOptions(_optimizer, _options);
        foreach (var (state, fields) in _states)
        {
            foreach (var (field, value) in fields)
            {
                RestoreField(state, field, value);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var (_, value, grad, _) in _parameters)
        {
            value.Dispose();
            grad?.Dispose();
        }
        foreach (var (_, value) in _buffers)
        {
            value.Dispose();
        }
        foreach (var (_, fields) in _states)
        {
            foreach (var (_, value) in fields)
            {
                if (value is Tensor tensor and not Parameter)
                {
                    tensor.Dispose();
                }
            }
        }
        _parameters.Clear();
        _buffers.Clear();
        _states.Clear();
    }

    /// <summary>Each param group's options (learning rate, betas, eps, weight decay, …), serialised by the optimizer itself.</summary>
    internal static List<byte[]> SaveOptions(OptimizerHelper optimizer)
    {
        var options = new List<byte[]>();
        foreach (var group in optimizer.state_dict().Options)
        {
            using var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream))
            {
                group.SaveStateDict(writer);
            }
            options.Add(stream.ToArray());
        }
        return options;
    }

    /// <summary>Writes back options that <see cref="SaveOptions"/> took from the same optimizer.</summary>
    internal static void LoadOptions(OptimizerHelper optimizer, IReadOnlyList<byte[]> options)
    {
        var groups = optimizer.state_dict().Options;
        for (var i = 0; i < options.Count; i++)
        {
            using var reader = new BinaryReader(new MemoryStream(options[i]));
            groups[i].LoadStateDict(reader);
        }
    }

    /// <summary>Every instance field of an optimizer state type, base types included.</summary>
    internal static IEnumerable<FieldInfo> Fields(Type type)
    {
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                yield return field;
            }
        }
    }

    private static Tensor Keep(Tensor tensor) => tensor.DetachFromDisposeScope();

    private static object? Copy(FieldInfo field, object? value) => value switch
    {
        null => null,
        Parameter parameter => parameter, // the state's link to its parameter: a reference, not state
        Tensor tensor => Keep(tensor.detach().clone()),
        _ when field.FieldType.IsValueType || field.FieldType == typeof(string) => value,
        _ => throw new NotSupportedException($"optimizer state field {field.DeclaringType?.Name}.{field.Name} of type {field.FieldType.Name} cannot be snapshotted"),
    };

    private static void RestoreField(OptimizerState state, FieldInfo field, object? saved)
    {
        if (saved is Parameter)
        {
            return;
        }
        if (saved is Tensor value)
        {
            // TorchSharp's Device has reference equality and Tensor.device makes a new one per call: compare type and index.
            if (field.GetValue(state) is Tensor current && current.shape.SequenceEqual(value.shape) && current.dtype == value.dtype
                && current.device_type == value.device_type && current.device_index == value.device_index)
            {
                current.copy_(value);
            }
            else
            {
                (field.GetValue(state) as Tensor)?.Dispose();
                field.SetValue(state, Keep(value.clone()));
            }
        }
        else if (saved is null && field.GetValue(state) is Tensor stale)
        {
            stale.Dispose();
            field.SetValue(state, null);
        }
        else
        {
            field.SetValue(state, saved);
        }
    }
}
