using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SchedDsl.Generators.Model;

namespace SchedDsl.Generators.Parsing;

/// <summary>
/// Discovers an optimizer's per-group options from metadata, with no knowledge of TorchSharp: the optimizer (or a
/// base) has a public nested parameter-group type exposing an <c>Options</c> property, and a <c>ParamGroups</c>
/// property enumerating its groups. Every public settable <c>double</c>/<c>double?</c> field or property of the options
/// type is a hyper-parameter.
/// </summary>
internal static class OptimizerOptionsReader
{
    /// <summary>One option member to schedule.</summary>
    internal sealed record OptionMember(string MemberName, string PropertyName, string TextName);

    /// <summary>The optimizer's shape and options, or null when it has none the generator can write.</summary>
    public static (OptimizerModel Optimizer, List<OptionMember> Members)? Read(INamedTypeSymbol optimizer)
    {
        if (FindProperty(optimizer, "ParamGroups") is null)
        {
            return null;
        }
        foreach (var owner in Chain(optimizer))
        {
            foreach (var nested in owner.GetTypeMembers())
            {
                if (nested.DeclaredAccessibility != Accessibility.Public || FindOptions(nested) is not { } found)
                {
                    continue;
                }
                var options = NestedOptions(optimizer, found.Options) ?? found.Options;
                var members = Members(options);
                if (members.Count == 0)
                {
                    continue;
                }
                var model = new OptimizerModel(
                    Symbols.FullName(optimizer),
                    optimizer.Name,
                    Symbols.FullName(found.BaseGroup),
                    Symbols.FullName(options),
                    OptionsNeedsCast: !SymbolEqualityComparer.Default.Equals(found.BaseOptions, options));
                return (model, members);
            }
        }
        return null;
    }

    /// <summary>
    /// The optimizer's own nested <c>Options</c> type when it derives from what the group's <c>Options</c> property
    /// declares (a group type that is not generic over its options, as in a hand-written optimizer).
    /// </summary>
    private static INamedTypeSymbol? NestedOptions(INamedTypeSymbol optimizer, INamedTypeSymbol declared) =>
        Chain(optimizer)
            .SelectMany(t => t.GetTypeMembers("Options"))
            .FirstOrDefault(nested => !SymbolEqualityComparer.Default.Equals(nested, declared)
                && Chain(nested).Any(b => SymbolEqualityComparer.Default.Equals(b, declared)));

    private static (INamedTypeSymbol Options, INamedTypeSymbol BaseGroup, ITypeSymbol BaseOptions)? FindOptions(INamedTypeSymbol group)
    {
        INamedTypeSymbol? options = null;
        INamedTypeSymbol? baseGroup = null;
        ITypeSymbol? baseOptions = null;
        foreach (var type in Chain(group))
        {
            var property = type.GetMembers("Options").OfType<IPropertySymbol>()
                .FirstOrDefault(p => !p.IsStatic && p.GetMethod?.DeclaredAccessibility == Accessibility.Public);
            if (property?.Type is not INamedTypeSymbol { TypeKind: TypeKind.Class } declared)
            {
                continue;
            }
            options ??= declared;
            baseGroup = type;
            baseOptions = declared;
        }
        return options is null ? null : (options, baseGroup!, baseOptions!);
    }

    private static List<OptionMember> Members(INamedTypeSymbol options)
    {
        var members = new List<OptionMember>();
        var seenMembers = new HashSet<string>();
        var seenProperties = new HashSet<string>();
        foreach (var type in Chain(options).Reverse())
        {
            foreach (var member in type.GetMembers())
            {
                if (!IsWritableDouble(member) || HyperNames.IsExcluded(member.Name) || !seenMembers.Add(member.Name))
                {
                    continue;
                }
                var (property, text) = HyperNames.ForOption(member.Name);
                if (!seenProperties.Add(property))
                {
                    (property, text) = (HyperNames.Pascal(member.Name), HyperNames.Snake(member.Name));
                    seenProperties.Add(property);
                }
                members.Add(new OptionMember(member.Name, property, text));
            }
        }
        return members;
    }

    private static bool IsWritableDouble(ISymbol member) => member switch
    {
        IFieldSymbol { IsStatic: false, IsConst: false, IsReadOnly: false, DeclaredAccessibility: Accessibility.Public } field
            => Symbols.IsDoubleOrNullableDouble(field.Type),
        IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property
            => property.SetMethod is { DeclaredAccessibility: Accessibility.Public, IsInitOnly: false }
               && property.GetMethod is not null
               && Symbols.IsDoubleOrNullableDouble(property.Type),
        _ => false,
    };

    private static IPropertySymbol? FindProperty(INamedTypeSymbol type, string name) =>
        Chain(type).SelectMany(t => t.GetMembers(name)).OfType<IPropertySymbol>()
            .FirstOrDefault(p => !p.IsStatic && p.GetMethod?.DeclaredAccessibility == Accessibility.Public);

    private static IEnumerable<INamedTypeSymbol> Chain(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            yield return current;
        }
    }
}
