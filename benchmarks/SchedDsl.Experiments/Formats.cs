using System.Globalization;

namespace SchedDsl.Experiments;

/// <summary>How numbers read in tables, pictures and the console: invariant culture everywhere.</summary>
internal static class Formats
{
    public static string Lr(double lr) => double.IsFinite(lr) ? lr.ToString("0.##e0", CultureInfo.InvariantCulture) : "—";

    /// <summary>A fraction as percent ± percent, e.g. <c>88.12 ± 0.35 %</c>; the diverged runs are said.</summary>
    public static string Percent(Summary s) => Join(s, 100, "0.00", " %");

    /// <summary>A loss as mean ± std, e.g. <c>0.3412 ± 0.0051</c>.</summary>
    public static string Loss(Summary s) => Join(s, 1, "0.0000", "");

    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Join(Summary s, double scale, string format, string unit)
    {
        if (s.Count == 0)
        {
            return $"diverged ({s.Missing}/{s.Missing})";
        }
        var std = double.IsFinite(s.Std) ? " ± " + Number(s.Std * scale, format) : "";
        var missing = s.Missing > 0 ? $" ({s.Missing} diverged)" : "";
        return Number(s.Mean * scale, format) + std + unit + missing;
    }
}
