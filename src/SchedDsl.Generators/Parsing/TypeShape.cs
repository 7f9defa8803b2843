using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchedDsl.Generators.Model;

namespace SchedDsl.Generators.Parsing;

/// <summary>Reads where a type is declared (namespace, enclosing types) and whether every declaration is partial.</summary>
internal static class TypeShape
{
    public static string Namespace(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : string.Empty;

    public static TypeDeclarationInfo Declaration(INamedTypeSymbol type)
    {
        var keyword = type switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
            { IsRecord: true } => "record",
            { TypeKind: TypeKind.Struct } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            _ => "class",
        };
        var name = type.TypeParameters.Length == 0
            ? type.Name
            : type.Name + "<" + string.Join(", ", type.TypeParameters.Select(p => p.Name)) + ">";
        return new TypeDeclarationInfo(keyword, name);
    }

    public static EquatableArray<TypeDeclarationInfo> Containers(INamedTypeSymbol type)
    {
        var containers = new List<TypeDeclarationInfo>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            containers.Insert(0, Declaration(outer));
        }
        return new EquatableArray<TypeDeclarationInfo>(containers);
    }

    /// <summary>The first type (the type itself or an enclosing one) with a declaration lacking <c>partial</c>, or null.</summary>
    public static INamedTypeSymbol? FirstNonPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            foreach (var reference in current.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                    && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    return current;
                }
            }
        }
        return null;
    }

    /// <summary>The identifier of <paramref name="symbol"/>'s first declaration, for diagnostics.</summary>
    public static LocationInfo? IdentifierLocation(ISymbol symbol) =>
        LocationInfo.From(symbol.Locations.FirstOrDefault());
}
