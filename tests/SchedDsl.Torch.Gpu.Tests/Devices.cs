using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Gpu.Tests;

/// <summary>
/// The devices a test runs on: every test is a theory over <c>"cpu"</c> and <c>"cuda"</c>; the CUDA case skips when
/// <c>torch.cuda.is_available()</c> is false (CI, the CPU libtorch), and fails instead when the environment variable
/// <c>SCHEDDSL_REQUIRE_CUDA=1</c> is set (scripts/gpu/on-device.sh sets it, so a GPU run cannot pass by skipping).
/// </summary>
internal static class Devices
{
    public const string RequireCudaVariable = "SCHEDDSL_REQUIRE_CUDA";

    public static bool CudaAvailable { get; } = cuda.is_available();

    /// <summary>The device named <paramref name="name"/>, or a skip (a failure under <see cref="RequireCudaVariable"/>) when it is CUDA and absent.</summary>
    public static Device Use(string name)
    {
        if (name == "cuda" && !CudaAvailable)
        {
            var reason = "CUDA is not available: torch.cuda.is_available() is false (CPU libtorch or no GPU). "
                + "The CUDA cases run on a GPU machine through scripts/gpu/run-on-gpu.sh (docs/gpu.md).";
            if (Environment.GetEnvironmentVariable(RequireCudaVariable) == "1")
            {
                Assert.Fail($"{RequireCudaVariable}=1 but {reason}");
            }
            Assert.Skip(reason);
        }
        return device(name);
    }

    /// <summary>Asserts that <paramref name="tensor"/> lives on <paramref name="expected"/>'s device type.</summary>
    public static void AssertOn(Device expected, Tensor tensor, string what) =>
        Assert.True(tensor.device_type == expected.type, $"{what} is on {tensor.device}, expected {expected}");
}
