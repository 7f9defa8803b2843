using System.Globalization;
using SchedDsl.Prediction;

namespace SchedDsl.Cli.Commands;

/// <summary>
/// The curves <c>schedsl predict</c> fits, read from files of two formats, told apart by their header:
/// <list type="bullet">
/// <item><c>step,lr,loss</c> (<see cref="LossCurveCsv"/>: every batch, its rate included), read as it is;</item>
/// <item>SchedDsl.Torch's CSV logger, <c>epoch,train_loss,valid_loss,…,time</c>, one row per epoch: the loss of a
/// column at each epoch's end; such a file also needs the fit's schedule and total steps, given in the order of
/// these files.</item>
/// </list>
/// </summary>
internal static class FittedCurves
{
    public static IReadOnlyList<LossCurve> Read(IReadOnlyList<string> files, IReadOnlyList<string> schedules, IReadOnlyList<int> steps, string column)
    {
        var logged = files.Where(f => !IsPerStep(f)).ToList();
        if (logged.Count != schedules.Count || logged.Count != steps.Count)
        {
            throw new CliError(
                $"{logged.Count} of the --fit files are CSV logger files (one row per epoch), and each needs its fit's --fit-schedule and --fit-steps, "
                + $"in the same order; got {schedules.Count} --fit-schedule and {steps.Count} --fit-steps");
        }
        var next = 0;
        return [.. files.Select(file => IsPerStep(file) ? LossCurveCsv.Read(file) : Logged(file, ScheduleText.Parse(schedules[next]), steps[next++], column))];
    }

    private static bool IsPerStep(string file)
    {
        if (Directory.Exists(file))
        {
            throw new CliError($"--fit {file} is a folder; give a CSV file");
        }
        using var reader = new StreamReader(file);
        return reader.ReadLine()?.Trim() == LossCurveCsv.Header;
    }

    private static LossCurve Logged(string file, Sched schedule, int totalSteps, string column)
    {
        var rows = File.ReadAllLines(file).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        var header = rows.Count > 0 ? rows[0] : [];
        var index = Array.IndexOf(header, column);
        if (header.Length == 0 || header[0] != "epoch" || index < 0)
        {
            throw new CliError($"{file}: the header must be '{LossCurveCsv.Header}' or the CSV logger's 'epoch,train_loss,valid_loss,…' with a '{column}' column; got '{string.Join(',', header)}'");
        }
        var epochs = rows.Count - 1;
        List<int> at = [];
        List<double> losses = [];
        for (var e = 0; e < epochs; e++)
        {
            var row = rows[e + 1];
            if (row.Length != header.Length || row[0] != e.ToString(CultureInfo.InvariantCulture)
                || !double.TryParse(row[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var loss))
            {
                throw new CliError($"{file}: line {e + 2} must be epoch {e} with a number in column {column}, got '{string.Join(',', row)}' (one fit per file)");
            }
            // The CSV logger writes a row as an epoch ends: after (e + 1) / epochs of the fit's steps.
            at.Add((int)((long)(e + 1) * totalSteps / epochs));
            losses.Add(loss);
        }
        if (epochs == 0)
        {
            throw new CliError($"{file}: no epoch rows after the header");
        }
        return LossCurve.AtSteps(schedule, totalSteps, at, losses);
    }
}
