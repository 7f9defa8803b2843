using SchedDsl.Validation;

namespace SchedDsl;

/// <summary>
/// fastcore's <c>even_mults</c>, the spacing of discriminative (per-parameter-group) learning rates. fastai's
/// <c>lr_range</c> is <see cref="Hyper.ForGroups"/>.
/// </summary>
/// <remarks>Pure functions; thread-safe.</remarks>
public static class Discriminative
{
    /// <summary>
    /// fastcore's <c>even_mults(start, stop, n)</c>: <paramref name="n"/> values stepped geometrically from
    /// <paramref name="start"/> to <paramref name="stop"/>; with one value it is <paramref name="stop"/>.
    /// </summary>
    /// <example><c>EvenMults(0.01, 0.03, 3)</c> is <c>[0.01, 0.017321, 0.03]</c> (the fastai v1 notebook).</example>
    public static double[] EvenMults(double start, double stop, int n)
    {
        Require.Positive("even_mults", "start", start);
        Require.Positive("even_mults", "stop", stop);
        Require.AtLeast("even_mults", "n", n, 1);
        Require.Ratio("even_mults", "stop", start, stop, "start", "stop");
        if (n == 1)
        {
            return [stop];
        }
        var step = Math.Pow(stop / start, 1.0 / (n - 1));
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = start * Math.Pow(step, i);
        }
        return values;
    }
}
