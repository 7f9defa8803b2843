using Xunit;

namespace SchedDsl.Core.Tests.Presets;

public sealed class PresetTests
{
    [Fact]
    public void One_cycle_lr_equals_the_seeds_combined_cos_at_i_over_20()
    {
        // Seed (fit_one_cycle docs): lrs == combined_cos(0.25, 1e-2/25, 1e-2, 1e-7)(i/20) for i in range(20).
        var expected = Sched.CombinedCos(0.25, 1e-2 / 25, 1e-2, 1e-7).Sample(20);
        Tolerance.AllClose(expected, Sched.OneCycle(1e-2).Sample(20), Tolerance.Double);
        // And the shape: starts at lr_max/div, peaks at pct_start, never reaches lr_max/div_final before pos 1.
        Assert.Equal(1e-2 / 25, Sched.OneCycle(1e-2).At(0), Tolerance.Double);
        Assert.Equal(1e-2, Sched.OneCycle(1e-2).At(0.25), Tolerance.Double);
        Assert.Equal(1e-7, Sched.OneCycle(1e-2).At(1), 1e-18);
    }

    [Fact]
    public void One_cycle_momentum_is_the_seeds_combined_cos()
    {
        // Seed: moms == combined_cos(0.25, 0.95, 0.85, 0.95)(i/20).
        var moms = Sched.OneCycleMomentum();
        Assert.Equal(Sched.CombinedCos(0.25, 0.95, 0.85, 0.95), moms);
        Assert.Equal(0.95, moms.At(0), Tolerance.Double);
        Assert.Equal(0.85, moms.At(0.25), Tolerance.Double);
        Assert.Equal(0.95, moms.At(1), Tolerance.Double);
    }

    [Fact]
    public void Flat_cos_is_flat_then_anneals_to_lr_over_div_final()
    {
        var s = Sched.FlatCos(1e-3);
        Assert.Equal(1e-3, s.At(0), Tolerance.Double);
        Assert.Equal(1e-3, s.At(0.74), Tolerance.Double);
        Assert.Equal(Annealers.Cos(1e-3, 1e-8, 0.5), s.At(0.875), Tolerance.Double);
        Assert.Equal(1e-8, s.At(1), 1e-18);
    }

    [Theory]
    [InlineData(3, 1, 2, 7)]
    [InlineData(3, 1, 1, 3)]
    [InlineData(2, 2, 3, 8)]
    public void Sgdr_epochs_follow_fastai(int nCycles, double cycleLen, double cycleMult, double epochs) =>
        // Seed: fit_sgdr(3, 1) trains 7 epochs; cycle_mult=1 (fastai divides by zero) gives n_cycles*cycle_len.
        Assert.Equal(epochs, Sched.SgdrEpochs(nCycles, cycleLen, cycleMult), Tolerance.Double);

    [Theory]
    [InlineData(2.0)]
    [InlineData(1.0)]
    public void Sgdr_cycles_are_cosines_from_lr_max_to_zero(double cycleMult)
    {
        // Seed's fit_sgdr check: within cycle i (batches iters[i]+1 .. iters[i+1]-1), lrs == SchedCos(lr, 0)(k/n).
        const double lr = 1e-2;
        const int batchesPerEpoch = 5;
        var epochs = (int)Sched.SgdrEpochs(3, 1, cycleMult);
        var total = epochs * batchesPerEpoch;
        var lrs = Sched.Sgdr(lr, 3, 1, cycleMult).Sample(total);
        var iters = new List<int> { 0 };
        for (var i = 0; i < 3; i++)
        {
            iters.Add(iters[^1] + ((int)Math.Pow(cycleMult, i) * batchesPerEpoch));
        }
        for (var i = 0; i < 3; i++)
        {
            var n = iters[i + 1] - iters[i];
            for (var k = 0; k < n; k++)
            {
                Tolerance.Close(Sched.Cos(lr, 0).At((double)k / n), lrs[iters[i] + k], 1e-9, $"cycle {i}, batch {k}");
            }
        }
    }

    [Fact]
    public void Lr_finder_follows_sched_exp_at_i_over_num_it()
    {
        // Seed: recorder.lrs == [SchedExp(1e-7, 10)(i/100) for i in range_of(lrs)].
        var finder = Sched.LrFinder();
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(Sched.Exp(1e-7, 10).At(i / 100.0), finder.At(Positions.At(i, 100)));
        }
    }

    [Theory]
    [InlineData("div", 0.0, "one_cycle: div must be > 0, got 0")]
    [InlineData("div_final", -1.0, "one_cycle: div_final must be > 0, got -1")]
    [InlineData("pct_start", 1.5, "one_cycle: pct_start must be in [0, 1], got 1.5")]
    [InlineData("lr_max", double.NaN, "one_cycle: lr_max must be a finite number, got NaN")]
    public void One_cycle_rejects_bad_arguments(string parameter, double value, string message)
    {
        var error = Assert.Throws<SchedArgumentException>(() => parameter switch
        {
            "div" => Sched.OneCycle(1e-2, div: value),
            "div_final" => Sched.OneCycle(1e-2, divFinal: value),
            "pct_start" => Sched.OneCycle(1e-2, pctStart: value),
            _ => Sched.OneCycle(value),
        });
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Sgdr_rejects_zero_cycles()
    {
        var error = Assert.Throws<SchedArgumentException>(() => Sched.Sgdr(1e-2, 0));
        Assert.StartsWith("sgdr: n_cycles must be >= 1, got 0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2000, 2.0, "sgdr: n_cycles makes the run overflow a double")]
    [InlineData(20_000, 1.0, "sgdr: n_cycles must be <= 10000 (each cycle is a segment that evaluation searches), got 20000")]
    public void Sgdr_rejects_runs_that_cannot_be_represented(int nCycles, double cycleMult, string message)
    {
        var error = Assert.Throws<SchedArgumentException>(() => Sched.Sgdr(1, nCycles, 1, cycleMult));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, -2.0)]
    public void Exp_rejects_endpoints_that_are_not_positive(double start, double end)
    {
        var error = Assert.Throws<SchedArgumentException>(() => Sched.Exp(start, end));
        Assert.Contains("must be > 0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void At_rejects_positions_outside_unit_interval(double pos)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Sched.Cos(0, 1).At(pos));
        Assert.Contains("pos must be in [0, 1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Presets_print_their_text_form_with_defaults_left_out()
    {
        Assert.Equal("one_cycle(0.01)", Sched.OneCycle(0.01).ToString());
        Assert.Equal("one_cycle(0.01, div=10, pct_start=0.3)", Sched.OneCycle(0.01, div: 10, pctStart: 0.3).ToString());
        Assert.Equal("flat_cos(0.001, div_final=100)", Sched.FlatCos(0.001, divFinal: 100).ToString());
        Assert.Equal("sgdr(0.01, 3, cycle_mult=1)", Sched.Sgdr(0.01, 3, cycleMult: 1).ToString());
        Assert.Equal("lr_finder()", Sched.LrFinder().ToString());
        Assert.Equal("lr_finder(start_lr=1e-06)", Sched.LrFinder(1e-6).ToString());
        Assert.Equal("combined_cos(0.25, 0.95, 0.85, 0.95)", Sched.OneCycleMomentum().ToString());
    }
}
