using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SchedDsl.Generation;

namespace SchedDsl.Generators.Tests.Infrastructure;

/// <summary>Metadata references for test compilations: the running runtime, SchedDsl.Core and TorchSharp.</summary>
internal static class References
{
    /// <summary>The running runtime's managed assemblies (no Basic.Reference.Assemblies here), Core and TorchSharp.</summary>
    public static ImmutableArray<MetadataReference> All { get; } = Build();

    private static ImmutableArray<MetadataReference> Build()
    {
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = Directory.GetFiles(runtimeDir, "*.dll")
            .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal)
                || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(Sched).Assembly.Location)
            .Append(typeof(IScheduleApplier).Assembly.Location)
            .Append(typeof(TorchSharp.torch).Assembly.Location)
            .Distinct()
            .Where(IsManaged);
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    private static bool IsManaged(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
