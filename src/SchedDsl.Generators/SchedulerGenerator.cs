using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchedDsl.Generators.Emitting;
using SchedDsl.Generators.Model;
using SchedDsl.Generators.Parsing;

namespace SchedDsl.Generators;

/// <summary>
/// Completes types marked <c>[HyperScheduler]</c> or <c>[OptimizerScheduler(typeof(…))]</c> into strongly typed
/// hyper-parameter schedulers. This file holds the pipeline only; see the Parser and Emitter parts.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class SchedulerGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var declared = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Symbols.HyperSchedulerAttribute,
                predicate: static (node, _) => node is TypeDeclarationSyntax,
                transform: static (ctx, ct) => ParseDeclared(ctx, ct))
            .WithTrackingName(TrackingNames.Declared);

        var optimizer = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Symbols.OptimizerSchedulerAttribute,
                predicate: static (node, _) => node is TypeDeclarationSyntax,
                transform: static (ctx, ct) => ParseOptimizer(ctx, ct))
            .WithTrackingName(TrackingNames.Optimizer);

        var schedText = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Symbols.SchedTextAttribute,
                predicate: static (node, _) => node is PropertyDeclarationSyntax,
                transform: static (ctx, ct) => SchedTextReader.Read(ctx, ct))
            .WithTrackingName(TrackingNames.SchedText)
            .Select(static (input, _) => input.Model is { } model
                ? SchedTextEmitter.Bind(model)
                : new SchedTextOutput(string.Empty, null, input.Diagnostics))
            .WithTrackingName(TrackingNames.SchedTextBound);

        context.RegisterSourceOutput(declared, static (spc, result) => Execute(spc, result));
        context.RegisterSourceOutput(optimizer, static (spc, result) => Execute(spc, result));
        context.RegisterSourceOutput(schedText, static (spc, result) => Execute(spc, result));
    }

    private static void Execute(SourceProductionContext context, SchedTextOutput result)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
        if (result.Source is { } source)
        {
            context.AddSource(result.HintName, source);
        }
    }

    private static void Execute(SourceProductionContext context, SchedulerResult result)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
        if (result.Model is { } model)
        {
            context.AddSource(model.HintName, SchedulerEmitter.Emit(model));
        }
    }
}
