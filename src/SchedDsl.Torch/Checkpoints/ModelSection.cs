using System.Text;
using static TorchSharp.torch;

namespace SchedDsl.Torch;

/// <summary>
/// A checkpoint's model section (TorchSharp's <c>Module.save</c> format: an entry count, then per entry a name, a dtype,
/// a shape and the raw data) read into CPU tensors and checked against the model before anything is written:
/// every tensor of the model once, same dtype and shape, floating-point values finite. <see cref="WriteInto"/> then
/// copies them in place, on the model's device, and cannot fail on the file's content.
/// </summary>
internal sealed class ModelSection : IDisposable
{
    private readonly List<(Tensor Target, Tensor Value)> _tensors;

    private ModelSection(List<(Tensor Target, Tensor Value)> tensors) => _tensors = tensors;

    /// <exception cref="CheckpointException">What in the section does not fit the model.</exception>
    public static ModelSection Read(string path, byte[] section, nn.Module model)
    {
        var expected = model.state_dict();
        var tensors = new List<(Tensor Target, Tensor Value)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var reader = new SectionReader(section, $"{path} is damaged: its model section");
            var count = reader.Count("the entry count");
            if (count != expected.Count)
            {
                throw new CheckpointException($"{path} is damaged: its model section holds {count} tensors, this model has {expected.Count}");
            }
            for (var i = 0; i < count; i++)
            {
                var name = reader.Name();
                if (!expected.TryGetValue(name, out var target) || !seen.Add(name))
                {
                    throw new CheckpointException($"{path} is damaged: its model section holds tensor '{name}', which this model lacks or which came before");
                }
                tensors.Add((target, reader.Tensor(name, target.dtype, target.shape)));
            }
            reader.End();
            return new ModelSection(tensors);
        }
        catch
        {
            tensors.ForEach(t => t.Value.Dispose());
            throw;
        }
    }

    /// <summary>Copies the values into the model's tensors, in place (parameters stay the optimizer's).</summary>
    public void WriteInto()
    {
        using var noGrad = no_grad();
        foreach (var (target, value) in _tensors)
        {
            target.copy_(value);
        }
    }

    public void Dispose() => _tensors.ForEach(t => t.Value.Dispose());

    /// <summary>Reads TorchSharp's encoding from a byte section, refusing anything that runs past its end.</summary>
    private sealed class SectionReader(byte[] bytes, string what)
    {
        private int _at;

        public int Count(string of)
        {
            var value = Leb128(of);
            return value <= int.MaxValue ? (int)value : throw Damaged($"{of} {value} is too large");
        }

        public string Name()
        {
            var length = Leb128("a name's length");
            if (length > bytes.Length - _at)
            {
                throw Damaged($"a name of {length} bytes runs past the end");
            }
            var name = Encoding.UTF8.GetString(bytes, _at, (int)length);
            _at += (int)length;
            return name;
        }

        public Tensor Tensor(string name, ScalarType dtype, long[] shape)
        {
            var type = Leb128($"tensor '{name}''s dtype");
            var rank = Leb128($"tensor '{name}''s rank");
            var dims = new List<long>();
            for (var d = 0; d < rank && d <= shape.Length; d++)
            {
                dims.Add(Leb128($"tensor '{name}''s size"));
            }
            if (type != (long)dtype || !dims.SequenceEqual(shape))
            {
                throw Damaged($"tensor '{name}' is {(ScalarType)type} [{string.Join(", ", dims)}{(rank > dims.Count ? ", …" : "")}] there and {dtype} [{string.Join(", ", shape)}] in this model");
            }
            var value = empty(shape, dtype);
            try
            {
                var length = value.NumberOfElements * value.ElementSize;
                if (length > bytes.Length - _at)
                {
                    throw Damaged($"tensor '{name}' needs {length} bytes and {bytes.Length - _at} are left");
                }
                value.bytes = bytes.AsSpan(_at, (int)length);
                _at += (int)length;
                if (value.is_floating_point() && !value.isfinite().all().item<bool>())
                {
                    throw Damaged($"tensor '{name}' holds values that are not finite");
                }
                return value;
            }
            catch
            {
                value.Dispose();
                throw;
            }
        }

        public void End()
        {
            if (_at != bytes.Length)
            {
                throw Damaged($"{bytes.Length - _at} bytes follow its last tensor");
            }
        }

        /// <summary>LEB128, as TorchSharp writes counts, dtypes and sizes: at most 9 bytes for a value below 2^63.</summary>
        private long Leb128(string of)
        {
            long value = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (_at >= bytes.Length)
                {
                    throw Damaged($"it ends inside {of}");
                }
                if (shift > 56)
                {
                    throw Damaged($"{of} is longer than 9 bytes");
                }
                var b = bytes[_at++];
                value |= (long)(b & 0x7f) << shift;
                if ((b & 0x80) == 0)
                {
                    return value;
                }
            }
        }

        private CheckpointException Damaged(string detail) => new($"{what}: {detail}");
    }
}
