using System.Globalization;
using SchedDsl.Torch;

namespace SchedDsl.Progress;

/// <summary>
/// The text of the live progress line, <c>epoch 2/5 ━━━━━━──── 45% 105/234 00:07&lt;00:09 loss 0.4213 step 339 samples 43392 skipped 2</c>,
/// fitted to the console width: fewer details first, then no bar, so the line never wraps (a wrapped line cannot be
/// redrawn in place with a carriage return). The step and the clock's value go first, the skipped updates last.
/// </summary>
internal static class ProgressLine
{
    private const int MinBar = 6;
    private const int MaxBar = 40;

    /// <param name="label">What runs, e.g. <c>epoch 2/5</c>.</param>
    /// <param name="done">Batches done in this bar.</param>
    /// <param name="total">Batches this bar counts to.</param>
    /// <param name="elapsed">Time since the bar started.</param>
    /// <param name="smoothLoss">fastai's smoothed training loss (NaN before the first batch).</param>
    /// <param name="width">The console width; the line is at most <c>width - 1</c> characters.</param>
    /// <param name="unicode">Draw the bar with box-drawing characters, else with <c>#</c> and <c>-</c>.</param>
    /// <param name="clock">Where the fit is, e.g. <c>step 339 samples 43392</c>, or empty.</param>
    /// <param name="skipped">Updates skipped by the non-finite guard so far; shown when above 0.</param>
    public static string Format(string label, int done, int total, TimeSpan elapsed, double smoothLoss, int width, bool unicode, string clock = "", int skipped = 0)
    {
        total = Math.Max(total, 1);
        done = Math.Clamp(done, 0, total);
        var fraction = (double)done / total;
        var eta = done == 0 ? "--:--" : EpochColumns.FormatTime(elapsed / done * (total - done));
        var loss = double.IsNaN(smoothLoss) ? "-" : smoothLoss.ToString("F4", CultureInfo.InvariantCulture);
        var percent = (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
        var where = clock.Length > 0 ? " " + clock : "";
        var skips = skipped > 0 ? string.Create(CultureInfo.InvariantCulture, $" skipped {skipped}") : "";
        string[] details =
        [
            $"{percent} {done}/{total} {EpochColumns.FormatTime(elapsed)}<{eta} loss {loss}{where}{skips}",
            $"{percent} {done}/{total} {EpochColumns.FormatTime(elapsed)}<{eta} loss {loss}{skips}",
            $"{percent} eta {eta} loss {loss}{skips}",
            $"{percent} {loss}{skips}",
            $"{percent} {loss}",
        ];
        var room = Math.Max(width - 1, 1);
        foreach (var detail in details)
        {
            var barWidth = Math.Min(room - label.Length - detail.Length - 2, MaxBar);
            if (barWidth >= MinBar)
            {
                return $"{label} {Bar(fraction, barWidth, unicode)} {detail}";
            }
        }
        var text = $"{label} {details[^1]}";
        return text.Length <= room ? text : text[..room];
    }

    private static string Bar(double fraction, int width, bool unicode)
    {
        var filled = (int)Math.Round(fraction * width);
        return new string(unicode ? '━' : '#', filled) + new string(unicode ? '─' : '-', width - filled);
    }
}
