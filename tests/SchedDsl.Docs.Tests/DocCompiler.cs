using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SchedDsl.Docs.Tests;

/// <summary>Compiles a doc block as a console program against SchedDsl.Core and SchedDsl.Torch (warnings are errors) and runs it.</summary>
internal static class DocCompiler
{
    private const string ImplicitUsings = "global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\n";

    private static readonly ImmutableArray<MetadataReference> References = BuildReferences();

    // LanguageExt only for a block that uses it (Sched.Validate's result): its global-namespace extension methods (its
    // Zip, …) would otherwise change what LINQ calls mean in every other block.
    private static readonly ImmutableArray<MetadataReference> WithLanguageExt =
        References.Add(MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "LanguageExt.Core.dll")));

    /// <summary>The compilation's errors and warnings, and the emitted assembly when there are none.</summary>
    public static (IReadOnlyList<Diagnostic> Diagnostics, byte[]? Image) Compile(DocBlock block)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var compilation = CSharpCompilation.Create(
            "DocBlock",
            [CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "Usings.cs"), CSharpSyntaxTree.ParseText(block.Code, parse, block.ToString())],
            block.Code.Contains("using LanguageExt;", StringComparison.Ordinal) ? WithLanguageExt : References,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        var diagnostics = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        return (diagnostics, emit.Success ? stream.ToArray() : null);
    }

    /// <summary>Runs the program's entry point with stdout captured (callers must not run two at once).</summary>
    public static string Run(byte[] image)
    {
        var context = new AssemblyLoadContext("DocBlock", isCollectible: true);
        var original = Console.Out;
        using var output = new StringWriter { NewLine = "\n" };
        try
        {
            Console.SetOut(output);
            var entry = context.LoadFromStream(new MemoryStream(image)).EntryPoint!;
            try
            {
                entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new InvalidOperationException($"the block threw {e.InnerException.GetType().Name}: {e.InnerException.Message}\noutput so far:\n{output}", e.InnerException);
            }
            return output.ToString();
        }
        finally
        {
            Console.SetOut(original);
            context.Unload();
        }
    }

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return [.. Directory.GetFiles(runtimeDir, "*.dll")
            .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Where(IsManaged)
            .Append(typeof(Sched).Assembly.Location)
            .Append(typeof(SchedDsl.Torch.ScheduleRunner).Assembly.Location)
            .Append(typeof(TorchSharp.torch).Assembly.Location)
            .Append(typeof(SchedDsl.Plotting.SchedulePlot).Assembly.Location)
            .Append(typeof(ScottPlot.Plot).Assembly.Location)
            .Append(typeof(SchedDsl.Progress.ProgressCallback).Assembly.Location)
            .Append(typeof(SchedDsl.Prediction.AnnealingLossLaw).Assembly.Location)
            .Append(typeof(Spectre.Console.IAnsiConsole).Assembly.Location)
            .Append(typeof(Spectre.Console.AnsiWriter).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
