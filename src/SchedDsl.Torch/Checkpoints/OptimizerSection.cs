using System.Text;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SchedDsl.Torch;

/// <summary>
/// Loads a checkpoint's optimizer section (TorchSharp's <c>save_state_dict</c> format) as state only: buffers and step
/// counts come from the file; the param groups' options (learning rate, betas, eps, weight decay) stay the ones the
/// learner and the call set. The format is each optimizer's own, so the section is checked where it can be before
/// loading (type name, group and state counts) and the loaded state after it (every tensor the shape and dtype it must
/// have, finite; every count &gt;= 0); the caller puts the old state back when this throws.
/// </summary>
internal static class OptimizerSection
{
    /// <summary>Checks the section's head against <paramref name="optimizer"/>.</summary>
    /// <exception cref="CheckpointException">The type or a count differs, or the head is cut.</exception>
    public static void CheckHead(string path, byte[] section, OptimizerHelper optimizer)
    {
        var dict = optimizer.state_dict();
        var (name, groups, states) = Head(path, section);
        if (name != optimizer.GetType().Name || groups != dict.Options.Count || states != dict.State.Count)
        {
            throw new CheckpointException(
                $"{path} is damaged: its optimizer section holds {name} state for {groups} param groups and {states} parameters; this learner's {optimizer.GetType().Name} has {dict.Options.Count} and {dict.State.Count}");
        }
    }

    /// <summary>Loads the state and checks it; the options are left as they were.</summary>
    /// <param name="path">The checkpoint, for messages.</param>
    /// <param name="section">The optimizer section.</param>
    /// <param name="optimizer">The learner's optimizer.</param>
    /// <param name="model">Its model, to name a parameter in a message.</param>
    /// <exception cref="CheckpointException">The section does not load, or loads state that does not fit.</exception>
    public static void Load(string path, byte[] section, OptimizerHelper optimizer, nn.Module model)
    {
        var options = TrainingSnapshot.SaveOptions(optimizer);
        var before = optimizer.state_dict().State.Select(Tensors).ToList();
        try
        {
            using var reader = new BinaryReader(new MemoryStream(section));
            optimizer.load_state_dict(reader);
            if (reader.BaseStream.Position != section.Length)
            {
                throw new CheckpointException($"{path} is damaged: {section.Length - reader.BaseStream.Position} bytes follow its optimizer state");
            }
        }
        catch (Exception e) when (e is not (CheckpointException or OperationCanceledException))
        {
            throw new CheckpointException($"{path} is damaged: its optimizer section does not load: {e.Message}", e);
        }
        finally
        {
            // The file's options are settings, not state: the call's and the learner's win (docs/training.md).
            TrainingSnapshot.LoadOptions(optimizer, options);
        }
        var parameters = optimizer.parameters().ToList();
        var states = optimizer.state_dict().State;
        for (var i = 0; i < states.Count; i++)
        {
            if (Problem(states[i], before[i], parameters[i]) is { } problem)
            {
                var name = model.named_parameters().FirstOrDefault(np => np.parameter.Handle == parameters[i].Handle).name ?? $"#{i}";
                throw new CheckpointException($"{path} is damaged: the optimizer state of parameter '{name}' {problem}");
            }
        }
    }

    private static (string Name, long Groups, long States) Head(string path, byte[] section)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(section), Encoding.UTF8);
            return (reader.ReadString(), Leb128(reader), Leb128(reader));
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or IOException)
        {
            throw new CheckpointException($"{path} is damaged: its optimizer section's head is cut or garbled: {e.Message}", e);
        }
    }

    private static long Leb128(BinaryReader reader)
    {
        long value = 0;
        for (var shift = 0; shift <= 56; shift += 7)
        {
            var b = reader.ReadByte();
            value |= (long)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
        throw new FormatException("a count longer than 9 bytes");
    }

    /// <summary>What is wrong with a state as loaded, or null.</summary>
    /// <param name="state">The state after loading.</param>
    /// <param name="before">Its tensor fields before loading (null where there was none).</param>
    /// <param name="parameter">Its parameter: a tensor the state gains must have its shape and dtype.</param>
    private static string? Problem(OptimizerState state, Dictionary<string, (long[] Shape, ScalarType Dtype)?> before, Parameter parameter)
    {
        foreach (var field in TrainingSnapshot.Fields(state.GetType()))
        {
            switch (field.GetValue(state))
            {
                case Parameter:
                    break;
                case Tensor tensor:
                    var (shape, dtype) = before.GetValueOrDefault(field.Name) ?? (parameter.shape, parameter.dtype);
                    if (!tensor.shape.SequenceEqual(shape) || tensor.dtype != dtype)
                    {
                        return $"has {field.Name} {tensor.dtype} [{string.Join(", ", tensor.shape)}], where {dtype} [{string.Join(", ", shape)}] belongs";
                    }
                    if (tensor.is_floating_point() && !tensor.isfinite().all().item<bool>())
                    {
                        return $"has {field.Name} values that are not finite";
                    }
                    break;
                case long count when count < 0:
                    return $"has {field.Name} = {count}, below 0";
                case int count when count < 0:
                    return $"has {field.Name} = {count}, below 0";
                case double d when !double.IsFinite(d):
                    return $"has {field.Name} = {d}, not finite";
                default:
                    break;
            }
        }
        return null;
    }

    /// <summary>The shape and dtype of each tensor field (null where the field holds none).</summary>
    private static Dictionary<string, (long[] Shape, ScalarType Dtype)?> Tensors(OptimizerState state) =>
        TrainingSnapshot.Fields(state.GetType()).Where(f => typeof(Tensor).IsAssignableFrom(f.FieldType))
            .ToDictionary(f => f.Name, f => f.GetValue(state) is Tensor t ? (t.shape, t.dtype) : ((long[], ScalarType)?)null);
}
