using Xunit;

namespace SchedDsl.Core.Tests.Annealing;

/// <summary>The seed's <c>test_eq</c>/<c>test_close</c> lines (fastai v2 callback.schedule docs), one per annealer.</summary>
public sealed class AnnealerTests
{
    private static readonly double[] Grid = [0.0, 0.25, 0.5, 0.75, 1.0];

    private static double[] Map(Sched sched) => [.. Grid.Select(sched.At)];

    [Fact]
    public void Lin_matches_seed() =>
        Tolerance.AllClose([0.0, 0.5, 1.0, 1.5, 2.0], Map(Sched.Lin(0, 2)), Tolerance.Seed);

    [Fact]
    public void Cos_matches_seed() =>
        Tolerance.AllClose([0.0, 0.29289, 1.0, 1.70711, 2.0], Map(Sched.Cos(0, 2)), Tolerance.Seed);

    [Fact]
    public void No_matches_seed() =>
        Tolerance.AllClose([0.0, 0.0, 0.0, 0.0, 0.0], Map(Sched.No(0, 2)), Tolerance.Seed);

    [Fact]
    public void Exp_matches_seed() =>
        Tolerance.AllClose([1.0, 1.18921, 1.41421, 1.68179, 2.0], Map(Sched.Exp(1, 2)), Tolerance.Seed);

    [Fact]
    public void Poly_matches_seed() =>
        Tolerance.AllClose([0.0, 0.125, 0.5, 1.125, 2.0], Map(Sched.Poly(0, 2, 2)), Tolerance.Seed);

    [Fact]
    public void Built_in_annealers_are_structurally_equal()
    {
        Assert.Equal(Sched.Cos(0, 1), Sched.Cos(0, 1));
        Assert.NotEqual(Sched.Cos(0, 1), Sched.Lin(0, 1));
        Assert.Equal(Sched.Cos(0, 1).GetHashCode(), Sched.Cos(0, 1).GetHashCode());
    }

    [Fact]
    public void Curried_custom_annealer_composes_like_the_built_ins()
    {
        var sqrt = Sched.Annealer("sqrt", (start, end, pos) => start + ((end - start) * Math.Sqrt(pos)));
        var warmup = sqrt.Create(0, 4);

        Assert.Equal(2.0, warmup.At(0.25), Tolerance.Double);
        Assert.Equal(warmup, sqrt.Create(0, 4));
        Assert.Equal("sqrt(0, 4)", warmup.ToString());

        var combined = warmup.Then(0.5, Sched.Cos(4, 0));
        Assert.Equal(Math.Sqrt(0.5) * 4, combined.At(0.25), Tolerance.Double);
        Assert.Equal(4.0, combined.At(0.5), Tolerance.Double);
        Assert.Equal(0.0, combined.At(1.0), Tolerance.Double);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("has space")]
    public void Custom_annealer_name_must_be_an_identifier(string name)
    {
        var error = Assert.Throws<SchedArgumentException>(() => Sched.Annealer(name, Annealers.Lin));
        Assert.Contains("annealer: name must be an identifier", error.Message, StringComparison.Ordinal);
    }
}
