namespace SchedDsl.Experiments;

/// <summary>The table of experiments 5 and 6: one row per budget and arm, each arm against the best arm of its budget.</summary>
internal static class BudgetTable
{
    /// <summary><paramref name="runs"/>[arm][budget][seed]; the arms' names in <paramref name="arms"/>.</summary>
    public static string Of(IReadOnlyList<string> arms, IReadOnlyList<int> budgets, IReadOnlyList<IReadOnlyList<IReadOnlyList<TrainedRun>>> runs)
    {
        var table = new MarkdownTable("budget", "arm", "test accuracy", "test loss", "vs best (same budget)");
        for (var b = 0; b < budgets.Count; b++)
        {
            var accuracy = runs.Select(arm => Summary.Of(arm[b].Select(r => r.Accuracy))).ToList();
            for (var a = 0; a < arms.Count; a++)
            {
                table.Add(
                    AnytimeBudget.EpochsText(budgets[b]),
                    arms[a],
                    Formats.Percent(accuracy[a]),
                    Formats.Loss(Summary.Of(runs[a][b].Select(r => r.Loss))),
                    Comparison.VersusBest(accuracy, a));
            }
        }
        return table.ToString();
    }
}
