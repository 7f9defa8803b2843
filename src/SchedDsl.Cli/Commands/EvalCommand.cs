using System.CommandLine;
using System.Globalization;

namespace SchedDsl.Cli.Commands;

/// <summary><c>schedsl eval "&lt;schedule text&gt;" [--steps N | --at p,q,…] [--groups G] [--metrics m,… [--every K]]</c>: values as JSON.</summary>
internal static class EvalCommand
{
    /// <summary>A command line that works, for the message when the schedule is missing.</summary>
    public const string Example = "schedsl eval \"one_cycle(1e-2)\" --steps 10";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var text = new Argument<string>("schedule") { Description = "The schedule in SchedDsl's text form, e.g. \"one_cycle(1e-2)\"." };
        var steps = IntOption.Create("--steps", "Evaluate at i/N for i = 0 … N-1 (fastai's per-batch positions). Default 10.", 1, CliLimits.MaxSteps);
        var at = new Option<string?>("--at") { Description = "Evaluate at these comma-separated positions in [0, 1], e.g. 0,0.25,1." };
        var groups = IntOption.Create("--groups", "Parameter-group count for lists and slices; prints one array per position.", 1, CliLimits.MaxGroups);
        var replay = MetricReplay.Create();
        var command = new Command("eval", "Print a schedule's values as a JSON array.") { text, steps, at, groups, replay.Metrics, replay.Every };
        command.SetAction(result => CliRunner.Run(stderr, () =>
        {
            var (sched, adaptive) = MetricReplay.Parse(result.GetValue(text)!);
            if (adaptive is not null)
            {
                if (result.GetValue(at) is not null)
                {
                    throw new CliError("--at does not replay metrics; a metric-driven schedule is evaluated on the --steps grid");
                }
                var n = result.GetValue(steps) ?? 10;
                var (metrics, every) = replay.For(adaptive, result, n);
                stdout.WriteLine(JsonNumbers.Array(adaptive.Sample(n, metrics, every)));
                return 0;
            }
            if (result.GetValue(replay.Metrics) is not null)
            {
                throw new CliError($"--metrics replays a metric-driven schedule (plateau, greedy); {sched} is planned");
            }
            var positions = Positions(result.GetValue(steps), result.GetValue(at));
            stdout.WriteLine(Evaluate(sched!, positions, result.GetValue(groups)));
            return 0;
        }));
        return command;
    }

    private static double[] Positions(int? steps, string? at)
    {
        if (steps is not null && at is not null)
        {
            throw new CliError("give either --steps or --at, not both");
        }
        if (at is not null)
        {
            return [.. at.Split(',').Select(ParsePosition)];
        }
        return SchedDsl.Positions.Grid(steps ?? 10);
    }

    private static double ParsePosition(string item, int index)
    {
        if (!double.TryParse(item.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var pos))
        {
            throw new CliError($"--at item {index + 1} ('{item}') is not a number");
        }
        if (!(pos is >= 0 and <= 1))
        {
            throw new CliError($"--at item {index + 1} must be in [0, 1], got {item.Trim()}");
        }
        return pos;
    }

    private static string Evaluate(Sched sched, double[] positions, int? groups)
    {
        if (groups is null)
        {
            if (sched.IsPerGroup)
            {
                throw new CliError($"{sched} has per-group values (a list or a slice): pass --groups G");
            }
            return JsonNumbers.Array(positions.Select(sched.At));
        }
        var perGroup = sched.ForGroups(groups.Value);
        return JsonNumbers.Arrays(positions.Select(pos =>
        {
            var values = new double[perGroup.Count];
            perGroup.At(pos, values);
            return values;
        }));
    }
}
