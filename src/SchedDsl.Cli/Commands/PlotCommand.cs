using System.CommandLine;
using SchedDsl.Plotting;

namespace SchedDsl.Cli.Commands;

/// <summary><c>schedsl plot "&lt;schedule text&gt;" -o sched.png [--steps N] [--groups G] [--format png|svg|jpeg] [--log-y]</c>: draws a schedule.</summary>
internal static class PlotCommand
{
    /// <summary>A command line that works, for the message when the schedule is missing.</summary>
    public const string Example = "schedsl plot \"cyclic(1e-3, 1e-2, 4)\" -o sched.png";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var text = new Argument<string>("schedule") { Description = "The schedule in SchedDsl's text form, e.g. \"one_cycle(1e-2)\"." };
        var output = new Option<string>("--output", "-o") { Description = "The image file to write, e.g. sched.png.", Required = true };
        var steps = IntOption.Create(
            "--steps", "Draw the value at i/N for i = 0 … N, and at every join and peak of the schedule.", 1, CliLimits.MaxSteps, defaultValue: 100);
        var groups = IntOption.Create("--groups", "Parameter-group count for lists and slices: one line per group.", 1, CliLimits.MaxGroups);
        var format = new Option<string?>("--format") { Description = "png, svg or jpeg. Default: from the file extension (.png, .svg, .jpg, .jpeg)." };
        var logY = new Option<bool>("--log-y") { Description = "Log y axis. Default: log when the values span more than two decades." };
        var replay = MetricReplay.Create();
        var command = new Command("plot", "Draw a schedule to a PNG, SVG or JPEG file: one line per parameter group.")
        {
            text, output, steps, groups, format, logY, replay.Metrics, replay.Every,
        };
        command.SetAction(result => CliRunner.Run(stderr, () =>
        {
            var (planned, adaptive) = MetricReplay.Parse(result.GetValue(text)!);
            var path = result.GetValue(output)!;
            var n = result.GetValue(steps)!.Value;
            if (Directory.Exists(path))
            {
                throw new CliError($"--output {path} is a folder; give an image file, e.g. {Path.Combine(path, "sched.png")}");
            }
            if (adaptive is not null)
            {
                var (metrics, every) = replay.For(adaptive, result, n);
                adaptive.PlotSchedule(metrics, every, path, n, Format(result.GetValue(format)), result.GetValue(logY) ? true : null);
                stdout.WriteLine($"wrote {path}");
                return 0;
            }
            if (result.GetValue(replay.Metrics) is not null)
            {
                throw new CliError($"--metrics replays a metric-driven schedule (plateau, greedy); {planned} is planned");
            }
            var sched = planned!;
            var g = GroupCount(sched, result.GetValue(groups));
            sched.PlotSchedule(path, n, g, Format(result.GetValue(format)), result.GetValue(logY) ? true : null);
            stdout.WriteLine($"wrote {path}");
            return 0;
        }));
        return command;
    }

    private static int GroupCount(Sched sched, int? groups)
    {
        if (groups is null)
        {
            return sched.IsPerGroup
                ? throw new CliError($"{sched} has per-group values (a list or a slice): pass --groups G")
                : 1;
        }
        return groups.Value;
    }

    /// <summary>The format asked for; null leaves it to the file's extension (the library rejects an unknown one).</summary>
    private static PlotFormat? Format(string? format) =>
        format switch
        {
            null => null,
            "png" => PlotFormat.Png,
            "svg" => PlotFormat.Svg,
            "jpeg" or "jpg" => PlotFormat.Jpeg,
            _ => throw new CliError($"--format must be png, svg or jpeg, got '{format}'"),
        };
}
