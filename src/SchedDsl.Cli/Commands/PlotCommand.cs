using System.CommandLine;
using SchedDsl.Torch;

namespace SchedDsl.Cli.Commands;

/// <summary><c>schedsl plot "&lt;schedule text&gt;" -o sched.png [--steps N] [--groups G] [--format png|svg|jpeg] [--log-y]</c>: draws a schedule.</summary>
internal static class PlotCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var text = new Argument<string>("schedule") { Description = "The schedule in SchedDsl's text form, e.g. \"one_cycle(1e-2)\"." };
        var output = new Option<string>("--output", "-o") { Description = "The image file to write, e.g. sched.png.", Required = true };
        var steps = new Option<int>("--steps") { Description = "Draw the value at i/N for i = 0 … N. Default 100.", DefaultValueFactory = _ => 100 };
        var groups = new Option<int?>("--groups") { Description = "Parameter-group count for lists and slices: one line per group." };
        var format = new Option<string?>("--format") { Description = "png, svg or jpeg. Default: from the file extension (.png, .svg, .jpg, .jpeg)." };
        var logY = new Option<bool>("--log-y") { Description = "Log y axis. Default: log when the values span more than two decades." };
        var command = new Command("plot", "Draw a schedule to a PNG, SVG or JPEG file: one line per parameter group.") { text, output, steps, groups, format, logY };
        command.SetAction(result => CliRunner.Run(stderr, () =>
        {
            var sched = Sched.Parse(result.GetValue(text)!);
            var path = result.GetValue(output)!;
            var n = result.GetValue(steps);
            if (n < 1)
            {
                throw new CliError($"--steps must be >= 1, got {n}");
            }
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
        return groups >= 1 ? groups.Value : throw new CliError($"--groups must be >= 1, got {groups}");
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
