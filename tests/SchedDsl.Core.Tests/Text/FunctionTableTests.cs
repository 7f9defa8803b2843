using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using SchedDsl.Parsing;
using SchedDsl.Text;
using Xunit;

namespace SchedDsl.Core.Tests.Text;

/// <summary>The function table agrees with Core's factories and builders, and with docs/text-form.md.</summary>
public sealed partial class FunctionTableTests
{
    public static TheoryData<string> Functions() => [.. FunctionTable.All.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Functions))]
    public void Every_function_names_a_Sched_factory_with_its_parameters_in_order(string name)
    {
        // The generator emits Sched.{CSharpFactory}({CSharpName}: …) from the table alone, so the names must be right.
        var spec = FunctionTable.All[name];
        var factories = typeof(Sched).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == spec.CSharpFactory && m.ReturnType == typeof(Sched))
            .Select(m => m.GetParameters())
            .Where(ps => ps.Length == spec.Params.Count)
            .ToList();
        Assert.True(factories.Count > 0, $"no Sched.{spec.CSharpFactory} with {spec.Params.Count} parameters");
        Assert.Contains(factories, ps => ps.Select((p, i) => p.Name == spec.Params[i].CSharpName && Fits(p.ParameterType, spec.Params[i].Kind)).All(ok => ok));
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Every_declaration_names_a_public_factory_parameter_for_parameter(string name) => Assert.NotNull(Factories.Find(FunctionTable.All[name]));

    [Theory]
    [MemberData(nameof(Functions))]
    public void Defaults_in_the_table_are_the_factorys_defaults(string name)
    {
        var spec = FunctionTable.All[name];
        var factory = typeof(Sched).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .First(m => m.Name == spec.CSharpFactory && m.GetParameters().Length == spec.Params.Count);
        foreach (var (parameter, row) in factory.GetParameters().Zip(spec.Params))
        {
            Assert.Equal(parameter.HasDefaultValue ? Convert.ToDouble(parameter.DefaultValue, System.Globalization.CultureInfo.InvariantCulture) : null, row.Default);
        }
    }

    private static bool Fits(Type type, ParamKind kind) => kind switch
    {
        ParamKind.Hyper => type == typeof(Hyper),
        ParamKind.Number => type == typeof(double),
        ParamKind.Integer => type == typeof(int),
        ParamKind.Numbers => type.IsAssignableFrom(typeof(double[])),
        ParamKind.Scheds => type.IsAssignableFrom(typeof(Sched[])),
        ParamKind.Sched => type == typeof(Sched),
        _ => false,
    };

    [Fact]
    public void Every_example_in_the_docs_parses_and_round_trips()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "text-form.md"));
        var blocks = SchedBlock().Matches(doc);
        Assert.NotEmpty(blocks);
        var lines = blocks.SelectMany(b => b.Groups[1].Value.Split('\n')).Where(l => l.Trim().Length > 0).ToList();
        Assert.True(lines.Count >= 10);
        foreach (var line in lines)
        {
            var sched = Sched.Parse(line);
            Assert.Equal(sched, Sched.Parse(sched.ToString()));
        }
    }

    private static string RepoRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));

    [GeneratedRegex("```sched\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SchedBlock();
}
