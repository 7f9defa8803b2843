using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchedDsl.Generators.Model;
using SchedDsl.Generators.Parsing;

namespace SchedDsl.Generators;

/// <summary>Turns an attributed type into a <see cref="SchedulerResult"/>: symbols in, values out.</summary>
public sealed partial class SchedulerGenerator
{
    internal static SchedulerResult ParseDeclared(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var diagnostics = new List<DiagnosticInfo>();
        if (!CheckPartial(type, diagnostics, cancellationToken))
        {
            return Result(null, diagnostics);
        }
        var hypers = DeclaredMembers.Read(type, diagnostics, cancellationToken);
        return Result(Model(type, hypers, null), diagnostics);
    }

    internal static SchedulerResult ParseOptimizer(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var diagnostics = new List<DiagnosticInfo>();
        if (!CheckPartial(type, diagnostics, cancellationToken))
        {
            return Result(null, diagnostics);
        }
        var attribute = context.Attributes[0];
        if (attribute.ConstructorArguments.FirstOrDefault().Value is not INamedTypeSymbol optimizer
            || optimizer.TypeKind == TypeKind.Error)
        {
            return Result(null, diagnostics); // the compiler already reports the bad typeof
        }
        if (OptimizerOptionsReader.Read(optimizer) is not { } shape)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedOptimizer,
                OptimizerArgumentLocation(attribute, cancellationToken) ?? TypeShape.IdentifierLocation(type),
                optimizer.ToDisplayString()));
            return Result(null, diagnostics);
        }
        var declared = DeclaredMembers.Read(type, diagnostics, cancellationToken)
            .ToDictionary(h => h.PropertyName);
        var hypers = new List<HyperModel>();
        foreach (var option in shape.Members)
        {
            var isDeclared = declared.TryGetValue(option.PropertyName, out var user);
            hypers.Add(new HyperModel(
                option.PropertyName,
                option.TextName,
                IsRequired: isDeclared && user!.IsRequired,
                IsDeclared: isDeclared,
                TargetMember: option.MemberName));
            declared.Remove(option.PropertyName);
        }
        var available = string.Join(", ", shape.Members.Select(m => m.PropertyName));
        foreach (var unknown in declared.Values)
        {
            var member = type.GetMembers(unknown.PropertyName).First();
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnknownHyperParameter,
                TypeShape.IdentifierLocation(member),
                shape.Optimizer.DisplayName,
                unknown.PropertyName,
                available));
        }
        return Result(Model(type, hypers, shape.Optimizer), diagnostics);
    }

    private static bool CheckPartial(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (TypeShape.FirstNonPartial(type, cancellationToken) is not { } offender)
        {
            return true;
        }
        diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.TypeNotPartial,
            TypeShape.IdentifierLocation(offender),
            offender.ToDisplayString()));
        return false;
    }

    private static LocationInfo? OptimizerArgumentLocation(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList.Arguments.Count: > 0 } syntax
            ? LocationInfo.From(syntax.ArgumentList.Arguments[0])
            : null;

    private static SchedulerModel Model(INamedTypeSymbol type, List<HyperModel> hypers, OptimizerModel? optimizer) =>
        new(
            TypeShape.Namespace(type),
            TypeShape.Containers(type),
            TypeShape.Declaration(type),
            new EquatableArray<HyperModel>(hypers),
            optimizer);

    private static SchedulerResult Result(SchedulerModel? model, List<DiagnosticInfo> diagnostics) =>
        new(model, new EquatableArray<DiagnosticInfo>(diagnostics));
}
