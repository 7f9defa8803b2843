using SchedDsl.Torch;
using Spectre.Console;

namespace SchedDsl.Demo;

/// <summary>The demo's result lines, through the same console as the progress bars and tables.</summary>
internal sealed class DemoReport(IAnsiConsole console)
{
    public void Line(string text) => console.WriteLine(text);

    /// <summary>A bold line naming the fit that follows.</summary>
    public void Title(string text) => console.MarkupLine($"[bold]{Markup.Escape(text)}[/]");

    /// <summary>Prints the LR finder's suggestions and returns the rate the demo trains at: fastai's <c>lr_min</c> (minimum/10), the median over several runs.</summary>
    public double Suggestions(LrFindResult found)
    {
        ArgumentNullException.ThrowIfNull(found);
        var s = found.Suggestions ?? throw new InvalidOperationException($"the LR finder recorded too few points ({found.Lrs.Count}) to suggest a rate");
        Line($"LrFind: {found.Lrs.Count} iterations{(found.StoppedEarly ? " (stopped at divergence)" : "")}; "
            + $"suggestions: lr_min (minimum/10) {DemoCommand.Fmt(s.LrMin)}, lr_steep {DemoCommand.Fmt(s.LrSteep)}, valley {DemoCommand.Fmt(s.Valley)}");
        if (found.Runs.Count == 1)
        {
            return s.LrMin;
        }
        // Several runs: each suggestion's median and range, and the median lr_min to train at.
        foreach (var line in found.Spread.ToString().Split(Environment.NewLine))
        {
            Line($"  {line}");
        }
        return found.Spread.Minimum!.Median;
    }
}
