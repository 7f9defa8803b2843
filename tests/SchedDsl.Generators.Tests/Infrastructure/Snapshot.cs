using System.Runtime.CompilerServices;
using Xunit;

namespace SchedDsl.Generators.Tests.Infrastructure;

/// <summary>
/// A tiny snapshot check (Verify is not available here): compares text with
/// <c>Snapshots/{name}.verified.cs</c>; on a mismatch or a missing file it writes <c>{name}.received.cs</c> beside it
/// and fails. Accept a change by renaming the received file to verified.
/// </summary>
internal static class Snapshot
{
    public static void Match(string actual, string name, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(ProjectDirectory(callerPath), "Snapshots");
        var verified = Path.Combine(directory, name + ".verified.cs");
        var received = Path.Combine(directory, name + ".received.cs");
        var normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (File.Exists(verified) && File.ReadAllText(verified).Replace("\r\n", "\n", StringComparison.Ordinal) == normalized)
        {
            File.Delete(received);
            return;
        }
        Directory.CreateDirectory(directory);
        File.WriteAllText(received, normalized);
        Assert.Fail(File.Exists(verified)
            ? $"Snapshot {name} differs; compare {received} with {verified} and rename it if the change is intended."
            : $"No snapshot {verified} yet; review {received} and rename it to .verified.cs.");
    }

    private static string ProjectDirectory(string callerPath)
    {
        for (var dir = Path.GetDirectoryName(callerPath); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "SchedDsl.Generators.Tests.csproj")))
            {
                return dir;
            }
        }
        throw new InvalidOperationException($"no test project above {callerPath}");
    }
}
