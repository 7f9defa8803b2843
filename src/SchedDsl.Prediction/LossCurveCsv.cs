using System.Globalization;
using System.Text;

namespace SchedDsl.Prediction;

/// <summary>
/// A loss curve as CSV, one row per measured step: <c>step,lr,loss</c> (invariant culture, round-trip numbers), the
/// learning rate being the one applied in that step. What <c>schedsl predict</c> reads and writes.
/// </summary>
/// <remarks>
/// From SchedDsl.Torch's recorder: <c>LossCurveCsv.Write(path, LossCurve.PerStep(recorder.Lrs, recorder.RawLosses))</c>.
/// A curve whose losses were measured at some steps only (<see cref="LossCurve.AtSteps(IReadOnlyList{double}, IReadOnlyList{int}, IReadOnlyList{double})"/>)
/// is written with its measured steps; reading it back needs the rates of every step, so <see cref="Read"/> takes a
/// curve whose rows are every step from 1. Thread-safety: the methods are static and share nothing.
/// </remarks>
public static class LossCurveCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "step,lr,loss";

    /// <summary>Writes <paramref name="curve"/> to <paramref name="path"/> (its folder is created).</summary>
    public static void Write(string path, LossCurve curve)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(curve);
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < curve.Steps.Count; i++)
        {
            var step = curve.Steps[i];
            text.Append(step.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(curve.LearningRates[step - 1].ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(curve.Losses[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        File.WriteAllText(path, text.ToString());
    }

    /// <summary>Reads a curve written by <see cref="Write"/> with a row for every step from 1.</summary>
    /// <exception cref="InvalidDataException">Not this format: the header, a row's cell count, a number, or a step out of sequence (the message names the line).</exception>
    public static LossCurve Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0].Trim() != Header)
        {
            throw new InvalidDataException($"{path}: line 1 must be the header '{Header}', got '{(lines.Length > 0 ? lines[0] : "")}'");
        }
        List<double> rates = [], losses = [];
        for (var n = 1; n < lines.Length; n++)
        {
            if (lines[n].Length == 0)
            {
                continue;
            }
            var cells = lines[n].Split(',');
            if (cells.Length != 3
                || !int.TryParse(cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var step)
                || !double.TryParse(cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lr)
                || !double.TryParse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var loss))
            {
                throw new InvalidDataException($"{path}: line {n + 1} must be step,lr,loss with numbers, got '{lines[n]}'");
            }
            if (step != rates.Count + 1)
            {
                throw new InvalidDataException($"{path}: line {n + 1} has step {step}, expected {rates.Count + 1} (a row for every step from 1)");
            }
            rates.Add(lr);
            losses.Add(loss);
        }
        if (rates.Count == 0)
        {
            throw new InvalidDataException($"{path}: no rows after the header '{Header}'");
        }
        try
        {
            return LossCurve.PerStep(rates, losses);
        }
        catch (ArgumentException error)
        {
            throw new InvalidDataException($"{path}: {error.Message.Replace($" (Parameter '{error.ParamName}')", "", StringComparison.Ordinal)}", error);
        }
    }
}
