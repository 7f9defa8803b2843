using static TorchSharp.torch;

namespace SchedDsl.Torch.Tests;

internal static class Bits
{
    /// <summary>Bit-for-bit equality: same shape, dtype and bytes (NaN payloads and signed zeros included).</summary>
    public static bool Same(Tensor a, Tensor b) =>
        a.shape.SequenceEqual(b.shape) && a.dtype == b.dtype && a.cpu().contiguous().bytes.SequenceEqual(b.cpu().contiguous().bytes);
}
