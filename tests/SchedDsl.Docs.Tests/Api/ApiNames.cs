using System.Reflection;
using System.Text.RegularExpressions;

namespace SchedDsl.Docs.Tests.Api;

/// <summary>
/// Checks a name written in the docs against the public API. Only names that start with one of SchedDsl's public
/// types (optionally namespace-qualified), or that were public in the previous release, are checked, and only their
/// PascalCase segments: <c>Learner.fit_one_cycle</c>, <c>OneCycleLR.step</c> or <c>learn.Recorder</c> are fastai's,
/// PyTorch's or a variable's, and pass. A member counts when the baseline lists it on the type (extension methods on
/// the type they extend) or when the type, loaded, inherits it (an exception's <c>Message</c>).
/// </summary>
internal static partial class ApiNames
{
    private static readonly Assembly[] Loaded =
        [typeof(Sched).Assembly, typeof(Torch.Learner).Assembly, typeof(Plotting.SchedulePlot).Assembly, typeof(Progress.ProgressCallback).Assembly];

    /// <summary>
    /// fastai's class names that a type of the previous release also had: in the docs they are fastai's
    /// (<c>ParamScheduler({'lr': …})</c>), so their bare name is not taken for the removed type.
    /// </summary>
    private static readonly string[] FastaiClassNames = ["ParamScheduler"];

    private static readonly string[] FileExtensions = ["cs", "md", "txt", "json", "png", "svg", "dll", "csproj", "sh", "props", "targets"];

    /// <summary>The dotted names in a code span (generic arguments removed), each as its segments; file names are left out.</summary>
    public static IEnumerable<string[]> In(string code) =>
        Chain().Matches(code).Select(m => GenericArguments().Replace(m.Value, "").Split('.'))
            .Where(s => !(s.Length > 1 && FileExtensions.Contains(s[^1])));

    /// <summary>Why <paramref name="segments"/> is not the current public API, or null when it is (or is not ours).</summary>
    public static string? Problem(string[] segments)
    {
        var current = ApiBaseline.Current;
        var previous = ApiBaseline.PreviousRelease;
        var k = segments.Length;
        while (k > 0 && !current.Namespaces.Contains(Join(segments, k)) && !previous.Namespaces.Contains(Join(segments, k)))
        {
            k--;
        }
        if (k == segments.Length)
        {
            return current.Namespaces.Contains(Join(segments, k)) ? null : $"namespace {Join(segments, k)} is gone since the previous release";
        }
        var ns = k > 0 ? Join(segments, k) : null;
        var name = segments[k];
        var types = TypesNamed(current, ns, name);
        if (types.Count == 0)
        {
            // A type public in the previous release that is now gone; one made internal is machinery the
            // architecture pages may describe (FunctionTable, SyntaxParser), and a bare fastai class name is fastai's.
            var wasType = TypesNamed(previous, ns, name).Count > 0 && !IsInternalType(name) && (ns is not null || !FastaiClassNames.Contains(name));
            return wasType ? $"{(ns is null ? "" : ns + ".")}{name} was public in the previous release and is not now" : null;
        }
        for (var j = k + 1; j < segments.Length && IsDotNetName(segments[j]); j++)
        {
            var nested = types.Select(t => $"{t}.{segments[j]}").Where(current.Types.Contains).ToList();
            if (nested.Count > 0)
            {
                types = nested;
                continue;
            }
            return types.Any(t => HasMember(t, segments[j])) ? null : $"{string.Join(" or ", types)} has no public member {segments[j]}";
        }
        return null;
    }

    /// <summary>The types called <paramref name="name"/> (in <paramref name="ns"/> when given), or its attribute class (<c>[SchedText]</c>).</summary>
    private static List<string> TypesNamed(ApiBaseline api, string? ns, string name)
    {
        var named = ns is null ? api.TypesNamed(name).ToList() : [.. new[] { $"{ns}.{name}" }.Where(api.Types.Contains)];
        return named.Count > 0 || name.EndsWith("Attribute", StringComparison.Ordinal) ? named : TypesNamed(api, ns, name + "Attribute");
    }

    private static bool IsInternalType(string name) =>
        Loaded.SelectMany(a => a.GetTypes()).Any(t => !t.IsPublic && !t.IsNestedPublic && t.Name.Split('`')[0] == name);

    private static bool HasMember(string type, string member) =>
        ApiBaseline.Current.MembersOf[type].Contains(member)
        || Loaded.Select(a => a.GetTypes().FirstOrDefault(t => t.IsPublic && FullName(t) == type)).OfType<Type>()
            .Any(t => t.GetMember(member, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy).Length > 0);

    private static string FullName(Type t) => GenericArguments().Replace((t.FullName ?? t.Name).Replace('+', '.'), "").Split('`')[0];

    private static bool IsDotNetName(string segment) => char.IsUpper(segment[0]) && !segment.Contains('_', StringComparison.Ordinal);

    private static string Join(string[] segments, int count) => string.Join('.', segments.Take(count));

    [GeneratedRegex(@"(?<![\w./*-])[A-Za-z_]\w*(?:<[^<>]*>)?(?:\.[A-Za-z_]\w*(?:<[^<>]*>)?)*")]
    private static partial Regex Chain();

    [GeneratedRegex(@"<[^<>]*>")]
    private static partial Regex GenericArguments();
}
