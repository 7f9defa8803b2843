using SchedDsl.Torch;
using Xunit;

namespace SchedDsl.Tests.Shared;

/// <summary>
/// The Fashion-MNIST tests skip when the data is missing (a developer machine without scripts/setup-debian.sh), and fail
/// instead when the environment variable <c>SCHEDDSL_REQUIRE_DATA=1</c> is set: <c>.ci/run</c> sets it, so CI cannot
/// pass by skipping the real-data accuracy floor or the kill-and-resume test (as <c>SCHEDDSL_REQUIRE_CUDA</c> does for
/// the GPU tests).
/// </summary>
internal static class RequiredData
{
    public const string RequireDataVariable = "SCHEDDSL_REQUIRE_DATA";

    /// <summary>Returns when Fashion-MNIST is installed; otherwise skips the test (fails it under <see cref="RequireDataVariable"/>).</summary>
    public static void FashionMnist()
    {
        if (IdxDatasets.IsAvailable())
        {
            return;
        }
        var reason = $"Fashion-MNIST is not installed in {IdxDatasets.DebianFashionMnist} (scripts/setup-debian.sh installs dataset-fashion-mnist)";
        if (Environment.GetEnvironmentVariable(RequireDataVariable) == "1")
        {
            Assert.Fail($"{RequireDataVariable}=1 but {reason}");
        }
        Assert.Skip(reason);
    }
}
