using Microsoft.CodeAnalysis;
using SchedDsl.Generators.Tests.Infrastructure;
using Xunit;

namespace SchedDsl.Generators.Tests;

/// <summary>
/// <c>[SchedText("…")]</c>: the text is parsed by the compiler; errors are SDSL004/SDSL005 on the offending characters
/// of the string, with the parser's message; the property is built with factory calls and equals <c>Sched.Parse</c>.
/// </summary>
public sealed class SchedTextTests
{
    [Fact]
    public void Snapshot_of_the_generated_properties()
    {
        var run = GeneratorHarness.Run(Sources.SchedTexts);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Snapshot.Match(run.Source("My.App.Recipes.Lr.SchedText.g.cs"), "SchedTextLr");
        Snapshot.Match(run.Source("My.App.Recipes.Warmup.SchedText.g.cs"), "SchedTextWarmup");
        Snapshot.Match(run.Source("My.App.Recipes.Nested{T}.Restarts.SchedText.g.cs"), "SchedTextRestarts");
    }

    [Fact]
    public void Generated_schedules_equal_Sched_Parse_at_run_time_and_are_built_once()
    {
        const string program = """
            using SchedDsl;
            using My.App;

            public static class Program
            {
                public static string Run()
                {
                    if (!ReferenceEquals(Recipes.Lr, Recipes.Lr)) return "not cached";
                    if (Recipes.Lr != Sched.Parse("one_cycle(slice(1e-4, 1e-2), pct_start=0.3)")) return "lr " + Recipes.Lr;
                    if (Recipes.Warmup != Sched.Parse("combine([0.3, 0.7], [lin(0, [1, 2]), -0])")) return "warmup " + Recipes.Warmup;
                    if (Recipes.Nested<int>.Restarts != Sched.Parse("sgdr(slice_v1(3e-3), 3, cycle_mult=1)")) return "sgdr " + Recipes.Nested<int>.Restarts;
                    if (Recipes.Lr.ForGroups(3)[0].At(0.2) != Sched.Parse(Recipes.Lr.ToString()).ForGroups(3)[0].At(0.2)) return "value";
                    return "ok";
                }
            }
            """;
        var run = GeneratorHarness.Run(Sources.SchedTexts, program);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal("ok", CompiledCode.Run(run.Output));
    }

    [Fact]
    public void SDSL004_syntax_error_at_the_character()
    {
        var d = Single("""[SchedText("cos(0 1)")]""");
        AssertAt(d, "SDSL004", "1", line: 6, column: 23, "Invalid schedule text: expected ',' or ')', found '1'");
    }

    [Fact]
    public void SDSL004_range_error_at_the_argument_with_the_factorys_message()
    {
        var d = Single("""[SchedText("one_cycle(0.01, div=0)")]""");
        AssertAt(d, "SDSL004", "0", line: 6, column: 37, "Invalid schedule text: one_cycle: div must be > 0, got 0");
    }

    [Fact]
    public void SDSL004_cross_argument_rule_at_the_blamed_argument()
    {
        // Issue 11: this compiled, then threw on first access, while Sched.Parse rejected it.
        var d = Single("""[SchedText("one_cycle_3phase(0.1, pct_start=0.9)")]""");
        AssertAt(d, "SDSL004", "0.9", line: 6, column: 49, "Invalid schedule text: one_cycle_3phase: pct_start must be in [0, 0.5], got 0.9");
    }

    [Theory]
    [InlineData("sgdr(0.1, 20000)", "sgdr: n_cycles must be <= 10000")]
    [InlineData("wsd(0.1, 0.6, 0.6)", "wsd: decay_pct must be <= 1 - warmup_pct = 0.4")]
    [InlineData("multi_step(0.1, [0.5, 0.2])", "multi_step: milestones must be in non-decreasing order")]
    [InlineData("piecewise_constant(0.1, [0.5], [0.1, 0.2])", "piecewise_constant: scales must have one scale per boundary")]
    [InlineData("one_cycle(1e307, div=1e-10)", "one_cycle: div must keep lr_max/div within")]
    public void SDSL004_every_cross_argument_rule_the_runtime_runs(string text, string message)
    {
        var d = Single($$"""[SchedText("{{text}}")]""");
        Assert.Equal("SDSL004", d.Diagnostic.Id);
        Assert.StartsWith($"Invalid schedule text: {message}", Message(d), StringComparison.Ordinal);
        Assert.Equal(Message(d)["Invalid schedule text: ".Length..], SchedDsl.Sched.TryParse(text, out _) ? "parsed" : ParseError(text));
    }

    private static string ParseError(string text)
    {
        try
        {
            SchedDsl.Sched.Parse(text);
            return "parsed";
        }
        catch (SchedDsl.SchedParseException error)
        {
            return error.Reason;
        }
    }

    [Fact]
    public void SDSL004_unknown_parameter_suggests_the_closest_one()
    {
        var d = Single("""[SchedText("one_cycle(0.01, pct_strat=0.3)")]""");
        AssertAt(d, "SDSL004", "pct_strat", line: 6, column: 33,
            "Invalid schedule text: one_cycle has no parameter 'pct_strat'; did you mean 'pct_start'? Its parameters are lr_max, div, div_final, pct_start");
    }

    [Fact]
    public void SDSL004_a_computed_sum_is_shown_rounded()
    {
        var d = Single("""[SchedText("combine([0.3, 0.6], [lin(0, 1), lin(1, 0)])")]""");
        Assert.Equal("Invalid schedule text: combine: pcts must sum to 1 (within 1e-09), got a sum of 0.9", Message(d));
    }

    [Theory]
    [InlineData("""[SchedText("cos(0 1)")]""")]
    [InlineData("""[SchedText("one_cycle(0.01, div=0)")]""")]
    [InlineData("""[SchedText("lin([1e-3, 1e-2], 0)", Groups = 3)]""")]
    public void A_wrong_text_is_exactly_one_error_and_the_property_still_has_its_implementation(string attribute)
    {
        // Issue 21: without a generated implementation part the compiler added CS9248 to every wrong text.
        var run = GeneratorHarness.Run(Wrap(attribute));
        var errors = run.GeneratorDiagnostics.Concat(run.Output.GetDiagnostics(TestContext.Current.CancellationToken))
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .ToList();
        Assert.Equal(errors[0].Id, Assert.Single(errors).Id);
        Assert.StartsWith("SDSL00", errors[0].Id, StringComparison.Ordinal);
    }

    [Fact]
    public void SDSL004_for_each_problem_of_a_text_at_its_own_characters()
    {
        // Issue 19: every problem, as the compiler reports its own errors; before, only div was named.
        var run = GeneratorHarness.Run(Wrap("""[SchedText("one_cycle(0.01, div=0, pct_start=2)")]"""));
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal(2, run.GeneratorDiagnostics.Length);
        AssertAt((run.GeneratorDiagnostics[0], run.Output), "SDSL004", "0", line: 6, column: 37, "Invalid schedule text: one_cycle: div must be > 0, got 0");
        AssertAt((run.GeneratorDiagnostics[1], run.Output), "SDSL004", "2", line: 6, column: 50, "Invalid schedule text: one_cycle: pct_start must be in [0, 1], got 2");
        // The completing part names both too; the snapshot pins it.
        Snapshot.Match(run.Source("My.App.Holder.Lr.SchedText.g.cs"), "SchedTextInvalidSeveral");
    }

    [Fact]
    public void SDSL004_for_problems_in_nested_calls_and_lists()
    {
        var run = GeneratorHarness.Run(Wrap("""[SchedText("combine([0.5, -0.5], [coss(0, 1), exp(0, [1, -2])])")]"""));
        Assert.Equal(
            ["combine: pcts[1] must be >= 0, got -0.5", "unknown function 'coss'; did you mean 'cos'?", "exp: start must be > 0, got 0", "exp: end must be > 0, got -2"],
            run.GeneratorDiagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Replace("Invalid schedule text: ", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void Snapshot_of_the_property_a_wrong_text_completes()
    {
        var run = GeneratorHarness.Run(Wrap("""[SchedText("one_cycle(0.01, div=0)")]"""));
        Snapshot.Match(run.Source("My.App.Holder.Lr.SchedText.g.cs"), "SchedTextInvalid");
    }

    [Fact]
    public void SDSL004_unknown_function()
    {
        var d = Single("""[SchedText("coss(0, 1)")]""");
        AssertAt(d, "SDSL004", "coss", line: 6, column: 17, null);
        Assert.StartsWith("Invalid schedule text: unknown function 'coss'; did you mean 'cos'?", Message(d), StringComparison.Ordinal);
    }

    [Fact]
    public void SDSL004_in_a_verbatim_string_on_its_second_line()
    {
        var d = Single("""
            [SchedText(@"one_cycle(0.01,
                  div=0)")]
            """);
        AssertAt(d, "SDSL004", "0", line: 7, column: 11, "Invalid schedule text: one_cycle: div must be > 0, got 0");
    }

    [Fact]
    public void SDSL004_after_an_escape_sequence()
    {
        var d = Single("""[SchedText("cos(0,\t1 2)")]""");
        AssertAt(d, "SDSL004", "2", line: 6, column: 27, "Invalid schedule text: expected ',' or ')', found '2'");
    }

    [Fact]
    public void SDSL004_at_the_end_of_the_text_points_at_the_closing_quote()
    {
        var d = Single("""[SchedText("cos(0,")]""");
        AssertAt(d, "SDSL004", "", line: 6, column: 23, null);
        Assert.StartsWith("Invalid schedule text: expected a number, '[' or a function name, found end of text", Message(d), StringComparison.Ordinal);
    }

    [Fact]
    public void SDSL004_text_from_a_constant_points_at_the_whole_argument()
    {
        var d = Single("""[SchedText(Texts.Bad)]""", "internal static class Texts { public const string Bad = \"lin(0)\"; }");
        AssertAt(d, "SDSL004", "Texts.Bad", line: 6, column: 16, null);
    }

    [Fact]
    public void SDSL005_per_group_list_of_the_wrong_length()
    {
        var d = Single("""[SchedText("lin([1e-3, 1e-2], 0)", Groups = 3)]""");
        AssertAt(d, "SDSL005", "[1e-3, 1e-2]", line: 6, column: 21,
            "The per-group list [1e-3, 1e-2] has 2 values but 3 parameter groups are declared");
    }

    [Fact]
    public void Lists_of_the_declared_length_and_slices_pass()
    {
        var run = GeneratorHarness.Run(Wrap("""[SchedText("combine([0.5, 0.5], [lin([1, 2, 3], slice(1e-2)), 0])", Groups = 3)]"""));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void A_schedule_argument_compiles_to_the_nested_factory_call_and_equals_Sched_Parse()
    {
        const string text = "branch_sqrt(replan(one_cycle(slice(1e-4, 1e-2)), 1000, 400, 1500), 1500, 900, 300)";
        const string program = $$"""
            using SchedDsl;
            using My.App;

            public static class Program
            {
                public static string Run() => Holder.Lr == Sched.Parse("{{text}}") ? "ok" : Holder.Lr.ToString();
            }
            """;
        var run = GeneratorHarness.Run(Wrap($"""[SchedText("{text}")]"""), program);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal("ok", CompiledCode.Run(run.Output));
    }

    [Theory]
    [InlineData("staircase(multiply([wsd_sqrt(1e-3, 0.1, 0.3), noise(timm_tanh(slice(1e-4, 1e-2), 0.5), 100, noise_seed=7)]), 10)")]
    [InlineData("multiply([warmup_log(1e-3, 0.1, 50), piecewise_interpolate_cosine(1, [0.5], [0.1]), timm_cosine(1, 0.3, cycle_limit=2, k_decay=2)])")]
    public void Transformers_and_timm_shapes_compile_to_factory_calls_that_equal_Sched_Parse(string text)
    {
        var program = $$"""
            using SchedDsl;
            using My.App;

            public static class Program
            {
                public static string Run() => Holder.Lr == Sched.Parse("{{text}}") ? "ok" : Holder.Lr.ToString();
            }
            """;
        var run = GeneratorHarness.Run(Wrap($"""[SchedText("{text}")]"""), program);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal("ok", CompiledCode.Run(run.Output));
    }

    [Fact]
    public void SDSL004_a_replan_shorter_than_the_units_trained_at_the_argument()
    {
        var d = Single("""[SchedText("replan(one_cycle(0.01), 1000, 400, 300)")]""");
        AssertAt(d, "SDSL004", "300", line: 6, column: 52, "Invalid schedule text: replan: total must be >= at = 400 (the units already trained), got 300");
    }

    [Fact]
    public void SDSL007_needs_a_partial_get_only_sched_property()
    {
        var run = GeneratorHarness.Run("""
            using SchedDsl;
            using SchedDsl.Generation;
            namespace My.App;
            public static partial class Holder
            {
                [SchedText("lin(0, 1)")]
                public static Sched Plain { get; } = Sched.Lin(0, 1);
            }
            """);
        var d = Assert.Single(run.GeneratorDiagnostics);
        DiagnosticTests.AssertDiagnostic((d, run.Output), "SDSL007", "Plain", line: 7,
            "[SchedText] on 'Plain' needs a partial property declaration of type SchedDsl.Sched in a partial type, with a getter and no body");
    }

    private static string Wrap(string attribute, string extra = "") => $$"""
        using SchedDsl;
        using SchedDsl.Generation;
        namespace My.App;
        public static partial class Holder
        {
            {{attribute}}
            public static partial Sched Lr { get; }
        }
        {{extra}}
        """;

    /// <summary>The one diagnostic of a wrong text, and no compiler error besides it (one error per mistake).</summary>
    private static (Diagnostic Diagnostic, Compilation Compilation) Single(string attribute, string extra = "")
    {
        var run = GeneratorHarness.Run(Wrap(attribute, extra));
        Assert.Empty(run.CompilationDiagnostics);
        return (Assert.Single(run.GeneratorDiagnostics), run.Output);
    }

    private static string Message((Diagnostic Diagnostic, Compilation Compilation) reported) =>
        reported.Diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Id, the source text the diagnostic covers, its 1-based line and column, and (when given) the message.</summary>
    private static void AssertAt((Diagnostic Diagnostic, Compilation Compilation) reported, string id, string spanText, int line, int column, string? message)
    {
        var (d, compilation) = reported;
        var lineSpan = d.Location.GetLineSpan();
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == lineSpan.Path);
        Assert.Equal(id, d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(spanText, tree.GetText(TestContext.Current.CancellationToken).ToString(d.Location.SourceSpan));
        Assert.Equal((line, column), (lineSpan.StartLinePosition.Line + 1, lineSpan.StartLinePosition.Character + 1));
        if (message is not null)
        {
            Assert.Equal(message, Message(reported));
        }
    }
}
