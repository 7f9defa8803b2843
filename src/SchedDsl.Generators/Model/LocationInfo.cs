using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SchedDsl.Generators.Model;

/// <summary>A value-equatable stand-in for <see cref="Location"/>, which must not live in pipeline models.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, TextSpan, LineSpan);

    public static LocationInfo? From(Location? location) =>
        location?.SourceTree is null
            ? null
            : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    public static LocationInfo? From(SyntaxNode? node) => node is null ? null : From(node.GetLocation());
}
