using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace SchedDsl.Core.Tests.Text;

/// <summary><c>parse ∘ print</c> is the identity on schedules, and printing ignores the current culture.</summary>
public sealed class RoundTripTests
{
    [Property(MaxTest = 300)]
    public Property Parse_inverts_ToString() =>
        Prop.ForAll(Arbitraries.SchedArb(), sched =>
        {
            var text = sched.ToString();
            var parsed = Sched.Parse(text);
            // Structural equality, so every double must come back bit for bit ("R" printing), not merely close.
            return (parsed == sched).Label($"{text} parsed as {parsed}")
                .And((parsed.ToString() == text).Label("printing is stable"));
        });

    [Property(MaxTest = 100)]
    public Property Parse_accepts_the_printed_form_with_any_whitespace_between_tokens() =>
        Prop.ForAll(Arbitraries.SchedArb(), Gen.Elements(" ", "\n", "\t", "\r\n  ").ToArbitrary(), (sched, space) =>
        {
            var spaced = sched.ToString().Replace(",", space + "," + space, StringComparison.Ordinal)
                .Replace("(", "(" + space, StringComparison.Ordinal).Replace("]", space + "]", StringComparison.Ordinal);
            return Sched.Parse(space + spaced + space) == sched;
        });

    [Fact]
    public void Printing_is_invariant_under_a_comma_decimal_culture()
    {
        // The test host runs with InvariantGlobalization, where "de-DE" carries invariant data; so the culture is
        // built by hand with de-DE's number format: ',' decimals, '.' groups.
        var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        german.NumberFormat.NumberDecimalSeparator = ",";
        german.NumberFormat.NumberGroupSeparator = ".";
        var sched = Sched.Parse("combine([0.25, 0.75], [one_cycle(slice(1e-05, 0.01), pct_start=0.3), lin(-0.5, [0.1, 2.5])])");
        var invariant = sched.ToString();
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = german;
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture));
            Assert.Equal(invariant, sched.ToString());
            Assert.Equal(sched, Sched.Parse(invariant));
            Assert.Equal(sched, Serialization.SchedJson.Deserialize(Serialization.SchedJson.Serialize(sched)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
        Assert.Equal("combine([0.25, 0.75], [one_cycle(slice(1e-05, 0.01), pct_start=0.3), lin(-0.5, [0.1, 2.5])])", invariant);
    }
}
