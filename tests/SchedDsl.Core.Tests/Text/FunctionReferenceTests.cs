using System.Text;
using SchedDsl.Text;
using Xunit;

namespace SchedDsl.Core.Tests.Text;

/// <summary>
/// docs/text-form.md's function table is generated from the declarations (<see cref="FunctionTable.Declarations"/>):
/// this test fails when it is stale, and rewrites it when run with <c>SCHEDDSL_UPDATE_DOCS=1</c>.
/// </summary>
public sealed class FunctionReferenceTests
{
    private const string Begin = "<!-- function-table:begin (generated from src/SchedDsl.Core/Functions by FunctionReferenceTests) -->";
    private const string End = "<!-- function-table:end -->";

    [Fact]
    public void The_docs_function_table_is_the_declarations()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "text-form.md");
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/text-form.md lacks the markers {Begin} … {End}");
        var current = text[(start + Begin.Length)..end];
        var generated = "\n" + Table() + "\n";
        if (current != generated && Environment.GetEnvironmentVariable("SCHEDDSL_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, text[..(start + Begin.Length)] + generated + text[end..]);
            return;
        }
        Assert.True(current == generated, "docs/text-form.md's function table is stale: run the Core tests with SCHEDDSL_UPDATE_DOCS=1\n" + generated);
    }

    internal static string Table()
    {
        var table = new StringBuilder()
            .Append("| Text (defaults) | C# | What | Allowed values | Rules across parameters |\n")
            .Append("| --- | --- | --- | --- | --- |\n");
        foreach (var function in FunctionTable.Declarations)
        {
            var parameters = string.Join("; ", function.Params.Select(Describe));
            table.Append($"| `{function.Name}({string.Join(", ", function.Params)})` | `Sched.{function.CSharpFactory}` | {Escape(function.Summary)} | {Escape(parameters)} | {Escape(function.CheckSummary)} |\n");
        }
        return table.ToString().TrimEnd('\n');
    }

    private static string Describe(ParamSpec parameter)
    {
        var kind = parameter.Kind switch
        {
            ParamKind.Hyper => "hyper",
            ParamKind.Integer => "whole number",
            ParamKind.Numbers => "[numbers]",
            ParamKind.Scheds => "[schedules]",
            ParamKind.Sched when parameter.Accepts.Count > 0 => $"schedule: {string.Join(", ", parameter.Accepts)}",
            ParamKind.Sched => "schedule",
            _ => "number",
        };
        var rule = parameter.Kind is ParamKind.Scheds or ParamKind.Sched or ParamKind.Integer ? "" : $", {Rules.Describe(parameter.Rule)}";
        return $"`{parameter.Name}`: {kind}{rule}";
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SchedDsl.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("SchedDsl.sln not found above the test binaries");
    }
}
