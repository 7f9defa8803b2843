using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SchedDsl.Generators.Tests.Infrastructure;

/// <summary>Compiles user source with the generator, the way NetEscapades' TestHelpers do.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "UserCode",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"User{i}.cs")),
            References.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error));

    public static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            [new SchedulerGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once: its diagnostics, the sources it added and the updated compilation's diagnostics.</summary>
    public static GeneratorRun Run(params string[] sources)
    {
        var compilation = Compilation(sources);
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        var generated = result.GeneratedTrees.ToImmutableDictionary(t => Path.GetFileName(t.FilePath), t => t.ToString());
        return new GeneratorRun(generatorDiagnostics, generated, output, driver);
    }
}

/// <summary>One generator run and the compilation it produced.</summary>
internal sealed record GeneratorRun(
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableDictionary<string, string> Sources,
    Compilation Output,
    GeneratorDriver Driver)
{
    /// <summary>Errors and warnings of the compilation including generated code (warnings are errors here).</summary>
    public ImmutableArray<Diagnostic> CompilationDiagnostics =>
        [.. Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)];

    public string Source(string hintName) => Sources[hintName];
}
