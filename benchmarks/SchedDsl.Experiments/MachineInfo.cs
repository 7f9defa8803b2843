using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace SchedDsl.Experiments;

/// <summary>The machine the numbers came from, printed before the runs and written into the results.</summary>
internal static partial class MachineInfo
{
    public static string Describe() =>
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription} ({RuntimeInformation.ProcessArchitecture}), "
        + $".NET {Environment.Version}, TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(3)}, "
        + $"libtorch-cpu {LibTorchVersion()}";

    /// <summary>The libtorch package this app was built with, as its .deps.json names it (the one place the version is stated is Directory.Packages.props).</summary>
    private static string LibTorchVersion()
    {
        var deps = AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string;
        var file = deps?.Split(';').FirstOrDefault(File.Exists);
        var match = file is null ? null : LibTorchPackage().Match(File.ReadAllText(file));
        return match is { Success: true } ? match.Groups[1].Value : "?";
    }

    [GeneratedRegex(@"""libtorch-cpu-linux-x64/([^""]+)""")]
    private static partial Regex LibTorchPackage();
}
