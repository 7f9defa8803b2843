using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using SchedDsl.Generators.Model;

namespace SchedDsl.Generators.Parsing;

/// <summary>
/// Reads the hyper-parameters a user declared: instance properties of type <c>Sched</c>, and anything marked
/// <c>[HyperParam]</c> (which must be such a property, else SDSL002).
/// </summary>
internal static class DeclaredMembers
{
    public static List<HyperModel> Read(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var hypers = new List<HyperModel>();
        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member.IsImplicitlyDeclared && member is not IPropertySymbol)
            {
                continue;
            }
            var marked = Symbols.HasAttribute(member, Symbols.HyperParamAttribute);
            switch (member)
            {
                case IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null } property when Symbols.IsSched(property.Type):
                    hypers.Add(new HyperModel(
                        property.Name,
                        TextName(property) ?? HyperNames.TextForProperty(property.Name),
                        IsRequired: property.NullableAnnotation != NullableAnnotation.Annotated,
                        IsDeclared: true,
                        TargetMember: null));
                    break;
                case IPropertySymbol property when marked:
                    diagnostics.Add(Unsupported(member, property.Type));
                    break;
                case IFieldSymbol field when marked || (!field.IsImplicitlyDeclared && Symbols.IsSched(field.Type) && !field.IsStatic):
                    diagnostics.Add(Unsupported(member, field.Type));
                    break;
                default:
                    break;
            }
        }
        return hypers;
    }

    private static DiagnosticInfo Unsupported(ISymbol member, ITypeSymbol type)
    {
        var shape = member switch
        {
            IFieldSymbol => "field ",
            IPropertySymbol { IsStatic: true } => "static ",
            _ => string.Empty,
        };
        return DiagnosticInfo.Create(
            DiagnosticDescriptors.UnsupportedMemberType,
            TypeShape.IdentifierLocation(member),
            member.Name,
            shape + type.ToDisplayString());
    }

    private static string? TextName(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != Symbols.HyperParamAttribute)
            {
                continue;
            }
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "Name" && argument.Value.Value is string name && name.Length > 0)
                {
                    return name;
                }
            }
        }
        return null;
    }
}
