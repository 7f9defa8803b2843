using static TorchSharp.torch;

namespace SchedDsl.Experiments;

/// <summary>
/// Experiment 3: discriminative learning rates in fine-tuning. Per seed the small CNN is pretrained once on classes
/// 0–4; every arm then starts from those weights with the same new head and fine-tunes on classes 5–9.
/// </summary>
internal static class Experiment3FineTune
{
    /// <summary>The pretraining peak lr (the demo's); pretraining is the same for every arm, so it is not what is compared.</summary>
    private const double PretrainLr = 1e-2;

    /// <summary>Offsets the seed of the new head from the seed of the pretrained model.</summary>
    private const int HeadSeedOffset = 1000;

    /// <summary>results[arm][seed].</summary>
    public static IReadOnlyList<IReadOnlyList<FineTuneRun>> Run(Workbench bench)
    {
        using var pretrainData = bench.Data.Classes(0, 5);
        using var tuneData = bench.Data.Classes(5, 10);
        var results = FineTuneArm.All.Select(_ => new List<FineTuneRun>()).ToList();
        var weights = bench.Output("pretrained.tmp");
        try
        {
            foreach (var seed in bench.Budget.Seeds)
            {
                bench.Title($"experiment 3, seed {seed}: pretrain FitOneCycle({bench.Budget.PretrainEpochs}, {PretrainLr}) on classes 0-4");
                using (var pretrain = bench.Learners.Create(Learners.NewModel(seed, classes: 5), pretrainData, seed))
                {
                    pretrain.FitOneCycle(bench.Budget.PretrainEpochs, PretrainLr);
                    pretrain.Model.save(weights);
                }
                for (var a = 0; a < FineTuneArm.All.Count; a++)
                {
                    var arm = FineTuneArm.All[a];
                    bench.Title($"experiment 3, seed {seed}: {arm.Name} on classes 5-9, 1 frozen + {bench.Budget.FineTuneEpochs} unfrozen epochs");
                    using var learn = bench.Learners.Create(Pretrained(weights, seed), tuneData, seed);
                    results[a].Add(FineTuneRun.From(arm.Fit(learn, bench.Budget.FineTuneEpochs)));
                }
            }
        }
        finally
        {
            File.Delete(weights);
        }
        return results;
    }

    /// <summary>A quarter of an epoch of the tuning data: the window of <see cref="FineTuneRun.Bump"/>.</summary>
    public static int BumpWindow(IReadOnlyList<IReadOnlyList<FineTuneRun>> results) => Math.Max(1, results[0][0].UnfreezeIndex / 4);

    public static string Table(IReadOnlyList<IReadOnlyList<FineTuneRun>> results, int groups)
    {
        var window = BumpWindow(results);
        var final = results.Select(runs => Summary.Of(runs.Select(r => r.FinalAccuracy))).ToList();
        var table = new MarkdownTable("arm", "unfrozen peak lr per group", "accuracy after frozen phase", "accuracy at end", $"loss bump at unfreeze ({window} batches)", "vs best (end)");
        for (var a = 0; a < FineTuneArm.All.Count; a++)
        {
            table.Add(
                FineTuneArm.All[a].Name,
                string.Join(", ", FineTuneArm.All[a].PeaksPerGroup(groups).Select(Formats.Lr)),
                Formats.Percent(Summary.Of(results[a].Select(r => r.FrozenAccuracy))),
                Formats.Percent(final[a]),
                Formats.Loss(Summary.Of(results[a].Select(r => r.Bump(window)))),
                Comparison.VersusBest(final, a));
        }
        return table.ToString();
    }

    private static nn.Module<Tensor, Tensor> Pretrained(string weights, int seed)
    {
        var body = SmallCnn.Create(5);
        body.load(weights);
        // The same new head for every arm of a seed, so arms differ only in how they fine-tune.
        manual_seed(seed + HeadSeedOffset);
        return SmallCnn.WithNewHead(body, 5);
    }
}
