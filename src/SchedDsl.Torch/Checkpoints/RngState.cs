using System.Buffers.Binary;
using static TorchSharp.torch;

namespace SchedDsl.Torch;

/// <summary>
/// torch's global CPU generator state as bytes: captured into a checkpoint, checked, and set back. TorchSharp's native
/// <c>set_rng_state</c> does not catch libtorch's error, so a state libtorch rejects ends the process (exit 134): every
/// rule libtorch enforces is checked here first.
/// </summary>
/// <remarks>
/// The layout is ATen's <c>CPUGeneratorImplState</c> (ATen/CPUGeneratorImpl.cpp, libtorch 2.x): a legacy block
/// (<c>the_initial_seed</c> u64, <c>left</c> i32, <c>seeded</c> i32, <c>next</c> u64, the 624-word Mersenne state, the
/// cached double normal sample and its flag) and the cached float normal sample and its flag, 5056 bytes.
/// <c>set_state</c> requires that size, <c>seeded</c>, <c>left</c> in [1, 624] and <c>next</c> &lt;= 624.
/// </remarks>
internal static class RngState
{
    private const int MersenneN = 624;
    private const int LeftAt = 8;
    private const int SeededAt = 12;
    private const int NextAt = 16;
    private const int KnownSize = 5056;
    private const int DoubleSampleAt = 5024;
    private const int DoubleSampleValidAt = 5040;
    private const int FloatSampleAt = 5048;
    private const int FloatSampleValidAt = 5052;

    public static byte[] Capture()
    {
        using var state = random.get_rng_state();
        return state.data<byte>().ToArray();
    }

    /// <summary>What libtorch would reject in <paramref name="state"/> (or what would make its next normal sample non-finite), or null.</summary>
    public static string? Problem(byte[] state)
    {
        var size = Capture().Length;
        if (state.Length != size)
        {
            return $"its RNG state has {state.Length} bytes; this libtorch's CPU generator state has {size}";
        }
        var bytes = state.AsSpan();
        var left = BinaryPrimitives.ReadInt32LittleEndian(bytes[LeftAt..]);
        var seeded = BinaryPrimitives.ReadInt32LittleEndian(bytes[SeededAt..]);
        var next = BinaryPrimitives.ReadUInt64LittleEndian(bytes[NextAt..]);
        if (seeded == 0 || left < 1 || left > MersenneN || next > MersenneN)
        {
            return $"its RNG state is not a valid Mersenne Twister state: seeded {seeded}, left {left}, next {next}; libtorch needs seeded != 0, left in [1, {MersenneN}], next <= {MersenneN}";
        }
        if (size == KnownSize
            && ((BinaryPrimitives.ReadInt32LittleEndian(bytes[DoubleSampleValidAt..]) != 0 && !double.IsFinite(BinaryPrimitives.ReadDoubleLittleEndian(bytes[DoubleSampleAt..])))
                || (bytes[FloatSampleValidAt] != 0 && !float.IsFinite(BinaryPrimitives.ReadSingleLittleEndian(bytes[FloatSampleAt..])))))
        {
            return "its RNG state caches a normal sample that is not finite";
        }
        return null;
    }

    /// <summary>Sets the global generator; <paramref name="state"/> must have passed <see cref="Problem"/>.</summary>
    public static void Restore(byte[] state)
    {
        using var bytes = tensor(state);
        random.set_rng_state(bytes);
    }
}
