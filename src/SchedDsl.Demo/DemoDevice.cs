using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace SchedDsl.Demo;

/// <summary>
/// Turns <c>--device</c> into a torch device, or a one-line <see cref="DemoError"/>. Checks CUDA before calling
/// <c>torch.device</c>, which throws <see cref="InvalidOperationException"/> for a CUDA device on a machine without one.
/// </summary>
internal static class DemoDevice
{
    public const string Allowed = "cpu, cuda or cuda:N (N a device index)";

    public static Device Resolve(string text)
    {
        var name = text.Trim().ToLowerInvariant();
        if (name == "cpu")
        {
            return CPU;
        }
        var index = name == "cuda" ? 0 : CudaIndex(name) ?? throw new DemoError($"--device must be {Allowed}, got '{text}'");
        if (!cuda.is_available())
        {
            throw new DemoError($"--device {text}: CUDA is not available on this machine (TorchSharp found no CUDA libtorch or GPU); use --device cpu");
        }
        var count = cuda.device_count();
        if (index >= count)
        {
            throw new DemoError($"--device {text}: this machine has {count} CUDA device{(count == 1 ? "" : "s")}, so N must be in [0, {count - 1}]");
        }
        try
        {
            return device(DeviceType.CUDA, index);
        }
        catch (InvalidOperationException error)
        {
            throw new DemoError($"--device {text}: {error.Message}");
        }
    }

    private static int? CudaIndex(string name) =>
        name.StartsWith("cuda:", StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;
}
