namespace SchedDsl.Docs.Tests.Api;

/// <summary>
/// A symbol of the previous release's public API that the current one lacks (removed, renamed, moved, or changed
/// in signature), with the names of which docs/migration.md must mention one.
/// </summary>
internal sealed record RemovedApi(ApiSymbol Symbol, IReadOnlyList<string> AnyOf)
{
    public static IEnumerable<RemovedApi> Since(ApiBaseline previous, ApiBaseline current) =>
        previous.Symbols.Where(s => !current.Lines.Contains(s.Line)).Select(s => new RemovedApi(s, Mentions(s, current)));

    /// <summary>
    /// A gone type (or a member of one): the type's name. A gone member: its name. A member whose name remains in
    /// another signature: a parameter name no current overload has (<c>startStep</c>), else the member's name.
    /// </summary>
    private static string[] Mentions(ApiSymbol symbol, ApiBaseline current)
    {
        if (symbol.Member is null || !current.Types.Contains(symbol.Type))
        {
            return [symbol.TypeName];
        }
        var overloads = current.Symbols.Where(s => s.Type == symbol.Type && s.Member == symbol.Member).ToList();
        var goneParameters = symbol.Parameters.Except(overloads.SelectMany(o => o.Parameters)).ToArray();
        return overloads.Count > 0 && goneParameters.Length > 0 ? goneParameters : [symbol.Member];
    }

    public bool IsMentionedIn(IReadOnlySet<string> identifiers, IEnumerable<string> namespaceWildcards) =>
        AnyOf.Any(identifiers.Contains) || namespaceWildcards.Any(ns => Symbol.Type.StartsWith(ns + ".", StringComparison.Ordinal));
}
