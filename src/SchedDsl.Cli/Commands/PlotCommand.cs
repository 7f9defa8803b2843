using System.CommandLine;
using SchedDsl.Torch;

namespace SchedDsl.Cli.Commands;

/// <summary><c>schedsl plot "&lt;schedule text&gt;" -o sched.png [--steps N] [--groups G] [--format png|svg]</c>: draws a schedule.</summary>
internal static class PlotCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var text = new Argument<string>("schedule") { Description = "The schedule in SchedDsl's text form, e.g. \"one_cycle(1e-2)\"." };
        var output = new Option<string>("--output", "-o") { Description = "The image file to write, e.g. sched.png.", Required = true };
        var steps = IntOption.Create("--steps", "Draw the value at i/N for i = 0 … N. Default 100.", 1, CliLimits.MaxSteps, defaultValue: 100);
        var groups = IntOption.Create("--groups", "Parameter-group count for lists and slices: one line per group.", 1, CliLimits.MaxGroups);
        var format = new Option<string?>("--format") { Description = "png or svg. Default: from the file extension, else png." };
        var command = new Command("plot", "Draw a schedule to a PNG or SVG file: one line per parameter group.") { text, output, steps, groups, format };
        command.SetAction(result => CliRunner.Run(stderr, () =>
        {
            var sched = Sched.Parse(result.GetValue(text)!);
            var path = result.GetValue(output)!;
            var n = result.GetValue(steps)!.Value;
            if (Directory.Exists(path))
            {
                throw new CliError($"--output {path} is a folder; give an image file, e.g. {Path.Combine(path, "sched.png")}");
            }
            var g = GroupCount(sched, result.GetValue(groups));
            var imageFormat = Format(result.GetValue(format), path);
            sched.PlotSchedule(path, n, g, imageFormat);
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

    private static PlotFormat Format(string? format, string path) =>
        format switch
        {
            "svg" => PlotFormat.Svg,
            "png" => PlotFormat.Png,
            null => Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase) ? PlotFormat.Svg : PlotFormat.Png,
            _ => throw new CliError($"--format must be png or svg, got '{format}'"),
        };
}
