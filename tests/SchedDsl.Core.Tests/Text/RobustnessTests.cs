using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SchedDsl.Core.Tests.Robustness;
using SchedDsl.Text;
using Xunit;

namespace SchedDsl.Core.Tests.Text;

/// <summary>Any text at all either parses or fails with a <see cref="SchedParseException"/> — never anything else.</summary>
public sealed class RobustnessTests
{
    // Characters the grammar cares about, weighted so that random strings often get deep into the parser.
    private const string Alphabet = "0123456789.eE+-[](),=_ \n\tabcdilnoprstxy";

    internal static readonly Gen<string> RandomText = Gen.OneOf(
        Gen.Elements(Alphabet.ToCharArray()).ArrayOf().Select(c => new string(c)),
        Gen.Elements("cos(", "lin(", "one_cycle(", "slice(", "combine(", "[", "]", ")", ",", "=", "1e-3", ".5", "-3", "pct_start", "div", "sgdr(", "1e999", " ")
            .ArrayOf().Select(parts => string.Concat(parts)),
        ArbMap.Default.GeneratorFor<string>().Where(s => s is not null));

    internal static readonly Gen<string> MutatedValidText =
        from sched in Arbitraries.Schedule
        let text = sched.ToString()
        from edits in Gen.Choose(1, 3)
        from mutations in Gen.Choose(0, 2).SelectMany(kind => Gen.Choose(0, text.Length).SelectMany(at => Gen.Elements(Alphabet.ToCharArray()).Select(c => (kind, at, c)))).ArrayOf(edits)
        select mutations.Aggregate(text, Mutate);

    /// <summary>One edit of a text: insert, delete or replace a character (shared with the JSON sweep).</summary>
    internal static string Mutate(string text, (int Kind, int At, char C) edit)
    {
        var at = Math.Min(edit.At, text.Length);
        return edit.Kind switch
        {
            0 => text.Insert(at, edit.C.ToString()),
            1 when at < text.Length => text.Remove(at, 1),
            _ when at < text.Length => text.Remove(at, 1).Insert(at, edit.C.ToString()),
            _ => text + edit.C,
        };
    }

    private static bool ParsesOrReportsAParseError(string text)
    {
        try
        {
            _ = Sched.Parse(text);
            return true;
        }
        catch (SchedParseException error)
        {
            return error.Line >= 1 && error.Column >= 1 && error.Reason.Length > 0;
        }
    }

    // Sweeps: 500 cases each on CI, 500,000 under SCHEDDSL_SWEEP=large (docs/robustness.md).
    [Fact]
    public void Random_text_only_ever_gives_parse_errors() =>
        SweepCheck.Run(Prop.ForAll(RandomText.ToArbitrary(), ParsesOrReportsAParseError), ci: 500, large: 500_000);

    [Fact]
    public void Mutated_valid_text_only_ever_gives_parse_errors() =>
        SweepCheck.Run(Prop.ForAll(MutatedValidText.ToArbitrary(), ParsesOrReportsAParseError), ci: 500, large: 500_000);

    [Property(MaxTest = 200)]
    public Property The_binder_never_throws() =>
        Prop.ForAll(MutatedValidText.ToArbitrary(), text =>
        {
            var (bound, errors) = SchedBinder.Bind(text);
            return (bound is null) == (errors.Length > 0);
        });

    [Theory]
    [InlineData(10_000, '[')]
    [InlineData(10_000, '(')]
    public void Deep_nesting_is_an_error_not_a_stack_overflow(int depth, char open)
    {
        var text = open == '[' ? new string('[', depth) + "1" + new string(']', depth) : string.Concat(Enumerable.Repeat("cos(", depth)) + "1";
        var error = Assert.Throws<SchedParseException>(() => Sched.Parse(text));
        Assert.Equal($"lists and calls nest deeper than {SyntaxParser.MaxDepth} levels", error.Reason);
    }

    [Fact]
    public void Position_columns_count_from_one_and_lines_follow_newlines()
    {
        var error = Assert.Throws<SchedParseException>(() => Sched.Parse("combine(\n  [0.5, 0.5],\n  [cos(1, 0), lin(0, )])"));
        Assert.Equal((3, 22), (error.Line, error.Column));
        Assert.Equal("a number, '[' or a function name", error.Expected);
    }
}
