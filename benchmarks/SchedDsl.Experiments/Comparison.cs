namespace SchedDsl.Experiments;

/// <summary>The "vs best" column: each arm against the arm with the highest mean accuracy, by <see cref="Summary.WithinSpreadOf"/>.</summary>
internal static class Comparison
{
    public const string Rule = "“vs best” compares each arm's mean accuracy with the best arm's: *within spread* when "
        + "|Δmean| < the larger of the two standard deviations, otherwise the difference in percentage points.";

    /// <summary>The index of the arm with the highest finite mean, or -1 when none has one.</summary>
    public static int Best(IReadOnlyList<Summary> arms)
    {
        var best = -1;
        for (var i = 0; i < arms.Count; i++)
        {
            if (double.IsFinite(arms[i].Mean) && (best < 0 || arms[i].Mean > arms[best].Mean))
            {
                best = i;
            }
        }
        return best;
    }

    /// <summary>"best", "within spread", "−1.23 pts", or "—" when the arm or the best arm has no finite mean.</summary>
    public static string VersusBest(IReadOnlyList<Summary> arms, int index)
    {
        var best = Best(arms);
        if (best < 0 || !double.IsFinite(arms[index].Mean))
        {
            return "—";
        }
        if (index == best)
        {
            return "best";
        }
        var delta = Points(arms[index].Mean - arms[best].Mean);
        return arms[index].WithinSpreadOf(arms[best]) ? $"within spread ({delta} pts)" : $"{delta} pts";
    }

    /// <summary>A difference of fractions in percentage points with its sign, e.g. <c>−1.23</c>; <c>±0.00</c> when it rounds to zero.</summary>
    public static string Points(double difference)
    {
        // Rounded first: .NET formats a negative number that rounds to zero as "-+0.00" with a "+0.00;−0.00" format.
        var rounded = Math.Round(difference * 100, 2);
        var sign = rounded > 0 ? "+" : rounded < 0 ? "−" : "±";
        return sign + Formats.Number(Math.Abs(rounded), "0.00");
    }
}
