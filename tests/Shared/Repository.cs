namespace SchedDsl.Tests.Shared;

/// <summary>(Linked into several test projects.) The repository root, found from the test binary or, when built with --artifacts-path elsewhere, from this file.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "SchedDsl.sln")))
            {
                return dir;
            }
        }
        return Path.GetFullPath(Path.Combine(SourceDirectory(), "..", ".."));
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path)!;
}
