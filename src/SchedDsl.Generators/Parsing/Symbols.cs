using Microsoft.CodeAnalysis;

namespace SchedDsl.Generators.Parsing;

/// <summary>Metadata names the generator recognises, and type tests on symbols.</summary>
internal static class Symbols
{
    public const string HyperSchedulerAttribute = "SchedDsl.Generation.HyperSchedulerAttribute";
    public const string OptimizerSchedulerAttribute = "SchedDsl.Generation.OptimizerSchedulerAttribute";
    public const string HyperParamAttribute = "SchedDsl.Generation.HyperParamAttribute";
    public const string SchedTextAttribute = "SchedDsl.Generation.SchedTextAttribute";
    public const string Sched = "SchedDsl.Sched";

    public static bool IsSched(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "Sched", ContainingNamespace: { Name: "SchedDsl", ContainingNamespace.IsGlobalNamespace: true } };

    public static bool IsDoubleOrNullableDouble(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_Double
        || (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            && nullable.TypeArguments[0].SpecialType == SpecialType.System_Double);

    public static bool HasAttribute(ISymbol symbol, string metadataName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == metadataName)
            {
                return true;
            }
        }
        return false;
    }

    public static string FullName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
}
