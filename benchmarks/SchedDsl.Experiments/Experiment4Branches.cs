namespace SchedDsl.Experiments;

/// <summary>
/// Experiment 4: cooldown branches against separate runs (Hägele et al. 2024). Per seed, one constant-lr trunk with a
/// linear cooldown branched off it for each budget, against a separate cosine run of each budget
/// (<see cref="Experiment6DecayToZero"/>'s cosine-to-0 arm); accuracy and loss at each budget, and the compute of each way.
/// </summary>
internal static class Experiment4Branches
{
    /// <summary>One job per seed: the trunk, whose states at the branch points the branches start from.</summary>
    public static IEnumerable<Job> TrunkJobs(Workbench bench, AnytimeBudget sizes, Dataset data, TrainedRun[] into) =>
        bench.Budget.Seeds.Select((seed, s) => new Job(
            $"seed {seed}, experiments 4-5: trunk Fit({sizes.Longest}, const({AnytimeBudget.PeakLr})) to batch {sizes.TrunkBatches}, kept at batches {string.Join(", ", sizes.Budgets.Select(sizes.BranchBatch))}",
            lane =>
            {
                into[s] = CooldownTrunk.Train(bench, sizes, data, seed, lane);
                return into[s].Describe();
            }));

    public static string Table(AnytimeBudget sizes, TrainedRun[][] branches, TrainedRun[][] cosines)
    {
        var table = new MarkdownTable("budget", "trunk + linear cooldown: accuracy", "separate cosine run: accuracy", "branch − cosine", "trunk + cooldown: loss", "separate cosine run: loss");
        for (var b = 0; b < sizes.Budgets.Count; b++)
        {
            var arms = new[] { Summary.Of(branches[b].Select(r => r.Accuracy)), Summary.Of(cosines[b].Select(r => r.Accuracy)) };
            var delta = Comparison.Points(arms[0].Mean - arms[1].Mean) + " pts" + (arms[0].WithinSpreadOf(arms[1]) ? " (within spread)" : "");
            table.Add(
                $"{AnytimeBudget.EpochsText(sizes.Budgets[b])} = {sizes.Batches(sizes.Budgets[b])} batches (branch at {sizes.BranchBatch(sizes.Budgets[b])})",
                Formats.Percent(arms[0]),
                Formats.Percent(arms[1]),
                delta,
                Formats.Loss(Summary.Of(branches[b].Select(r => r.Loss))),
                Formats.Loss(Summary.Of(cosines[b].Select(r => r.Loss))));
        }
        return table.ToString();
    }

    /// <summary>The training samples each way took for all budgets, per seed (the same for every seed).</summary>
    public static string ComputeTable(AnytimeBudget sizes, TrainedRun[] trunks, TrainedRun[][] branches, TrainedRun[][] cosines)
    {
        var trunk = trunks[0].Samples;
        var epoch = (double)sizes.BatchesPerEpoch * sizes.BatchSize;
        var cooldowns = branches.Sum(budget => budget[0].Samples);
        var separate = cosines.Sum(budget => budget[0].Samples);
        var table = new MarkdownTable("way to get a model at every budget", "training samples per seed", "epochs of the data", "relative to separate runs");
        table.Add(
            $"one trunk ({sizes.TrunkBatches} batches) + {sizes.Budgets.Count} cooldowns ({string.Join(" + ", sizes.Budgets.Select(sizes.CooldownBatches))} batches)",
            Formats.Number(trunk + cooldowns, "#,0"), Formats.Number((trunk + cooldowns) / epoch, "0.#"), Formats.Number((trunk + cooldowns) / (double)separate, "0.00"));
        table.Add(
            $"{sizes.Budgets.Count} separate cosine runs ({string.Join(" + ", sizes.Budgets.Select(sizes.Batches))} batches)",
            Formats.Number(separate, "#,0"), Formats.Number(separate / epoch, "0.#"), "1.00");
        return table.ToString();
    }
}
