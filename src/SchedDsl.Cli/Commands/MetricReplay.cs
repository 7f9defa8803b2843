using System.CommandLine;
using System.Globalization;

namespace SchedDsl.Cli.Commands;

/// <summary>
/// The options that replay a metric-driven schedule (<c>--metrics m1,m2,…</c>, <c>--every K</c>) and the one-line
/// refusal when an adaptive schedule comes without them: its values depend on the metrics it observes.
/// </summary>
internal sealed class MetricReplay
{
    private MetricReplay(Option<string?> metrics, Option<int?> every) => (Metrics, Every) = (metrics, every);

    public Option<string?> Metrics { get; }

    public Option<int?> Every { get; }

    public static MetricReplay Create() => new(
        new Option<string?>("--metrics") { Description = "For a metric-driven schedule (plateau, greedy): the metrics to replay, comma-separated, one per observation." },
        IntOption.Create("--every", "With --metrics: steps between observations (an epoch's batches). Default: steps / (metrics + 1).", 1, CliLimits.MaxSteps));

    /// <summary>The schedule text, parsed as the kind it is written as.</summary>
    public static (Sched? Planned, AdaptiveSched? Adaptive) Parse(string text)
    {
        if (!AdaptiveSched.IsAdaptiveText(text))
        {
            return (ScheduleText.Parse(text), null);
        }
        try
        {
            return (null, AdaptiveSched.Parse(text));
        }
        catch (SchedParseException error)
        {
            throw new CliTextError(error, text);
        }
    }

    /// <summary>The metrics and the observation interval for <paramref name="steps"/> steps, or the refusal.</summary>
    public (double[] Metrics, int Every) For(AdaptiveSched sched, System.CommandLine.ParseResult result, int steps)
    {
        if (sched.IsPerGroup)
        {
            throw new CliError($"{sched} has per-group values (a list or a slice); replaying metrics takes a schedule with one value per position");
        }
        var text = result.GetValue(Metrics)
            ?? throw new CliError($"{sched} is metric-driven: its values depend on the metrics it observes; pass --metrics m1,m2,… (one per observation) and --every K (steps between them) to replay them");
        var metrics = text.Split(',').Select(Metric).ToArray();
        var every = result.GetValue(Every) ?? Math.Max(1, steps / (metrics.Length + 1));
        return (metrics, every);
    }

    private static double Metric(string item, int index) =>
        double.TryParse(item.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new CliError($"--metrics item {index + 1} ('{item}') is not a finite number");
}
