using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace SchedDsl.Cli.Commands;

/// <summary><c>schedsl eval "&lt;schedule text&gt;" [--steps N | --at p,q,…] [--groups G]</c>: values as JSON.</summary>
internal static class EvalCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var text = new Argument<string>("schedule") { Description = "The schedule in SchedDsl's text form, e.g. \"one_cycle(1e-2)\"." };
        var steps = new Option<int?>("--steps") { Description = "Evaluate at i/N for i = 0 … N-1 (fastai's per-batch positions). Default 10." };
        var at = new Option<string?>("--at") { Description = "Evaluate at these comma-separated positions in [0, 1], e.g. 0,0.25,1." };
        var groups = new Option<int?>("--groups") { Description = "Parameter-group count for lists and slices; prints one array per position." };
        var command = new Command("eval", "Print a schedule's values as a JSON array.") { text, steps, at, groups };
        command.SetAction(result => CliRunner.Run(stderr, () =>
        {
            var sched = Sched.Parse(result.GetValue(text)!);
            var positions = Positions(result.GetValue(steps), result.GetValue(at));
            stdout.WriteLine(Evaluate(sched, positions, result.GetValue(groups)));
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
        var n = steps ?? 10;
        if (n < 1)
        {
            throw new CliError($"--steps must be >= 1, got {n}");
        }
        return SchedDsl.Positions.Grid(n);
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
            return JsonSerializer.Serialize(positions.Select(sched.At));
        }
        if (groups < 1)
        {
            throw new CliError($"--groups must be >= 1, got {groups}");
        }
        var perGroup = new SchedGroups(sched, groups.Value);
        return JsonSerializer.Serialize(positions.Select(pos =>
        {
            var values = new double[perGroup.Count];
            perGroup.At(pos, values);
            return values;
        }));
    }
}
