using SchedDsl.Tests.Shared;

namespace SchedDsl.Docs.Tests.Api;

/// <summary>
/// A public API read from PublicAPI.*.txt baselines: the current one (every src project's Shipped plus Unshipped, less
/// the Unshipped's <c>*REMOVED*</c> lines) or the previous release's (<c>api/previous-release.txt</c>, written by
/// scripts/make-previous-release-api.sh).
/// </summary>
internal sealed class ApiBaseline
{
    private const string Removed = "*REMOVED*";

    private ApiBaseline(IEnumerable<string> lines)
    {
        Symbols = [.. lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Distinct().Select(ApiSymbol.Parse)];
        Lines = Symbols.Select(s => s.Line).ToHashSet(StringComparer.Ordinal);
        Types = Symbols.Where(s => s.Member is null).Select(s => s.Type).ToHashSet(StringComparer.Ordinal);
        Namespaces = Types.SelectMany(NamespacesOf).Where(n => !Types.Contains(n)).ToHashSet(StringComparer.Ordinal);
        MembersOf = Symbols.Where(s => s.Member is not null)
            .SelectMany(s => s.Extends is { } extended && Types.Contains(extended) ? [(s.Type, s.Member!), (extended, s.Member!)] : new[] { (s.Type, s.Member!) })
            .Concat(Types.Where(t => Types.Contains(t[..Math.Max(t.LastIndexOf('.'), 0)])).Select(t => (t[..t.LastIndexOf('.')], t[(t.LastIndexOf('.') + 1)..])))
            .ToLookup(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
    }

    public static ApiBaseline Current { get; } = new(ReadCurrent());

    public static ApiBaseline PreviousRelease { get; } =
        new(File.ReadLines(Path.Combine(Repository.Root, "tests", "SchedDsl.Docs.Tests", "api", "previous-release.txt")));

    public IReadOnlyList<ApiSymbol> Symbols { get; }

    public IReadOnlySet<string> Lines { get; }

    /// <summary>Every type's full name (generic arguments removed; nested types as <c>Outer.Inner</c>).</summary>
    public IReadOnlySet<string> Types { get; }

    public IReadOnlySet<string> Namespaces { get; }

    /// <summary>Each type's member names (methods, properties, constants, nested types, extension methods it receives).</summary>
    public ILookup<string, string> MembersOf { get; }

    /// <summary>The full names of the types called <paramref name="name"/>, in any namespace.</summary>
    public IEnumerable<string> TypesNamed(string name) => Types.Where(t => t == name || t.EndsWith("." + name, StringComparison.Ordinal));

    private static List<string> ReadCurrent()
    {
        var lines = new List<string>();
        foreach (var project in Directory.GetDirectories(Path.Combine(Repository.Root, "src")))
        {
            var shipped = Read(Path.Combine(project, "PublicAPI.Shipped.txt"));
            var unshipped = Read(Path.Combine(project, "PublicAPI.Unshipped.txt"));
            var removed = unshipped.Where(l => l.StartsWith(Removed, StringComparison.Ordinal)).Select(l => l[Removed.Length..]).ToHashSet();
            lines.AddRange(shipped.Concat(unshipped).Where(l => !l.StartsWith(Removed, StringComparison.Ordinal) && !removed.Contains(l)));
        }
        return lines;
    }

    private static string[] Read(string path) => File.Exists(path) ? File.ReadAllLines(path) : [];

    private static IEnumerable<string> NamespacesOf(string type)
    {
        for (var dot = type.LastIndexOf('.'); dot > 0; dot = type.LastIndexOf('.', dot - 1))
        {
            yield return type[..dot];
        }
    }
}
