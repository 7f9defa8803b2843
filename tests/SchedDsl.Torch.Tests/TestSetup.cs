using System.Runtime.CompilerServices;

namespace SchedDsl.Torch.Tests;

internal static class TestSetup
{
#pragma warning disable CA2255 // a test assembly's one-time native setup: 2 shared CPU cores
    [ModuleInitializer]
    internal static void Init() => TorchSharp.torch.set_num_threads(1);
#pragma warning restore CA2255
}
