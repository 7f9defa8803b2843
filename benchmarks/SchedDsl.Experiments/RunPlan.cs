using System.Text;

namespace SchedDsl.Experiments;

/// <summary>What runs, said before it runs and repeated in the results: budget, data, arms, seeds, machine.</summary>
internal static class RunPlan
{
    public static string Describe(Workbench bench, int workers, CommandLine command, AnytimeExperiments? anytime)
    {
        var budget = bench.Budget;
        var text = new StringBuilder();
        text.AppendLine($"- budget: {budget.Name}; parts {string.Join(", ", CommandLine.AllParts.Where(command.Runs))}; seeds {string.Join(", ", budget.Seeds)}; batch size {budget.BatchSize}; optimizer AdamW (wd 0.01), the library's defaults")
            .AppendLine($"- data: Fashion-MNIST, the first {bench.Data.TrainCount} training images, the first {bench.Data.TestCount} test images as the validation set");
        if (command.Runs(CommandLine.Seeds))
        {
            SeedsPlan(text, budget);
        }
        text.Append(anytime?.Plan() ?? "")
            .Append(command.Runs(CommandLine.Prediction) ? PredictionReport.Plan(bench) : "")
            .AppendLine($"- machine: {MachineInfo.Describe()}")
            .AppendLine($"- parallelism: {workers} run(s) at a time, {TorchSharp.torch.get_num_threads()} libtorch thread(s) each")
            .AppendLine("- per-epoch numbers of every run: history/<run>.csv (CsvLogger)");
        return text.ToString();
    }

    private static void SeedsPlan(StringBuilder text, Budget budget) =>
        text.AppendLine($"- LR finder: LrFind(numIt: {budget.LrFindIterations}) per seed, on a fresh model of that seed")
            .AppendLine($"- experiment 1: FitOneCycle({budget.Epochs}) at each of {string.Join(", ", Experiment1LrSuggestions.Suggestions.Select(s => s.Name))}")
            .AppendLine($"- experiment 2: {budget.Epochs} epoch(s) of each of {string.Join(", ", Experiment2Schedules.Arms.Select(a => a.Name))}; peak lr = the seed's valley")
            .AppendLine($"- experiment 3: pretrain FitOneCycle({budget.PretrainEpochs}, 1e-2) on classes 0-4, then 1 frozen + {budget.FineTuneEpochs} unfrozen epochs on 5-9 with: "
                + string.Join("; ", FineTuneArm.All.Select(a => a.Name)));
}
