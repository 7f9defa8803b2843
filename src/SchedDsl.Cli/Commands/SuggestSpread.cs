using System.Text;
using SchedDsl.LrFinding;

namespace SchedDsl.Cli.Commands;

/// <summary>
/// <c>schedsl suggest A.json B.json …</c>: each curve suggested on its own (trimmed first with <c>--trim</c>), then each
/// suggestion's median, range and per-curve values (<see cref="LrFindSpread"/>), printed as
/// <c>{"runs":N,"minimum":{"median":…,"low":…,"high":…,"factor":…,"per_run":[…]},…}</c>.
/// </summary>
/// <remarks>
/// Curves may differ in length and learning rates: each is suggested as fastai's functions would suggest it alone,
/// and only the values are aggregated, so no curve is interpolated onto another's grid. What would make an aggregate
/// meaningless is an error naming the file: a curve too short for minimum, steep and valley (under 2 points, after
/// <c>--trim</c> when given), or a loss that is not finite among the points suggested from (fastai's functions read a
/// NaN as the lowest loss or the steepest slope, a quirk one run may keep, but that a median would hide). A method some
/// curves are too short for (slide, 16 points) is aggregated over the others, with a warning.
/// </remarks>
internal static class SuggestSpread
{
    /// <summary>The fewest points a curve needs here: steep's two, so every curve gives minimum, steep and valley.</summary>
    private static readonly int RequiredPoints = LrSuggestions.RequiredPoints(LrSuggestionMethod.Steep);

    public static string Run(IReadOnlyList<(string Source, string Text)> inputs, bool trim, TextWriter stderr)
    {
        var sets = inputs.Select(input => (LrSuggestionSet?)Suggest(input.Source, input.Text, trim)).ToArray();
        var spread = LrFindSpread.OfSuggestions(sets);
        foreach (var method in SuggestCommand.Order)
        {
            var missing = Enumerable.Range(0, sets.Length).Where(i => sets[i]!.Value[method] is null).Select(i => inputs[i].Source).ToArray();
            if (missing.Length > 0)
            {
                var needs = $"warning: {LrSuggestions.Name(method)} needs at least {LrSuggestions.RequiredPoints(method)} points{(trim ? " after --trim" : "")}";
                stderr.WriteLine(missing.Length == sets.Length
                    ? $"{needs}, no curve has them; printing null"
                    : $"{needs}; {missing.Length} of {sets.Length} curves have fewer ({string.Join(", ", missing)}), left out of its median and range");
            }
        }
        return Format(spread);
    }

    private static LrSuggestionSet Suggest(string source, string text, bool trim)
    {
        try
        {
            var (lrs, losses, numIt) = SuggestCommand.Parse(source, text);
            var range = trim ? LrCurve.TrimmedRange(lrs, losses, numIt) : ..;
            var (start, length) = range.GetOffsetAndLength(lrs.Length);
            if (length < RequiredPoints)
            {
                throw new CliError($"{source}: the curve has {length} point{(length == 1 ? "" : "s")}{(trim ? " after --trim" : "")}; "
                    + $"with several curves each needs at least {RequiredPoints} (steep compares two)");
            }
            var bad = Array.FindIndex(losses, start, length, loss => !double.IsFinite(loss));
            if (bad >= 0)
            {
                throw new CliError($"{source}: losses[{bad}] is {NonFinite(losses[bad])}; the median and range of several curves "
                    + (trim ? "need finite losses: --trim cuts at the first NaN only, so cut the curve before an infinite loss"
                            : "need finite losses: pass --trim (it cuts at the first NaN) or cut the curve"));
            }
            return LrSuggestions.All(lrs.AsSpan(range), losses.AsSpan(range));
        }
        catch (SchedArgumentException error)
        {
            throw new CliError($"{source}: {error.Message}");
        }
    }

    private static string NonFinite(double loss) => double.IsNaN(loss) ? "NaN" : loss > 0 ? "Infinity" : "-Infinity";

    private static string Format(LrFindSpread spread)
    {
        var json = new StringBuilder("{\"runs\":").Append(spread.Runs);
        foreach (var method in SuggestCommand.Order)
        {
            json.Append(",\"").Append(LrSuggestions.Name(method)).Append("\":");
            if (spread[method] is not { } s)
            {
                json.Append("null");
                continue;
            }
            json.Append("{\"median\":").Append(JsonNumbers.Format(s.Median))
                .Append(",\"low\":").Append(JsonNumbers.Format(s.Low))
                .Append(",\"high\":").Append(JsonNumbers.Format(s.High))
                .Append(",\"factor\":").Append(JsonNumbers.Format(s.Factor))
                .Append(",\"per_run\":[").AppendJoin(',', s.PerRun.Select(v => v is { } lr ? JsonNumbers.Format(lr) : "null")).Append("]}");
        }
        return json.Append('}').ToString();
    }
}
