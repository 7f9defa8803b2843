using SchedDsl.Demo;
using static TorchSharp.torch;

namespace SchedDsl.Experiments;

/// <summary>
/// Experiment 3: discriminative learning rates in fine-tuning. Per seed the small CNN is pretrained once on classes
/// 0–4; every arm then starts from those weights with the same new head and fine-tunes on classes 5–9.
/// </summary>
internal static class Experiment3FineTune
{
    /// <summary>The pretraining peak lr (the demo's); pretraining is the same for every arm, so it is not what is compared.</summary>
    public const double PretrainLr = 1e-2;

    /// <summary>Offsets the seed of the new head from the seed of the pretrained model.</summary>
    private const int HeadSeedOffset = 1000;

    /// <summary>An empty results[arm][seed index].</summary>
    public static FineTuneRun[][] Empty(int seeds) => [.. FineTuneArm.All.Select(_ => new FineTuneRun[seeds])];

    /// <summary>Where seed <paramref name="seed"/>'s pretrained weights wait for the arms; deleted by <see cref="CleanUp"/>.</summary>
    public static string WeightsFile(Workbench bench, int seed) => bench.Output($"pretrained-seed{seed}.tmp");

    /// <summary>One job per seed: pretraining, whose weights every arm of that seed starts from.</summary>
    public static IEnumerable<Job> PretrainJobs(Workbench bench) =>
        bench.Budget.Seeds.Select(seed => new Job($"seed {seed}, experiment 3: pretrain FitOneCycle({bench.Budget.PretrainEpochs}, {PretrainLr}) on classes 0-4", lane =>
        {
            using var pretrain = bench.NewLearner(Workbench.NewModel(seed, classes: 5), bench.PretrainData, seed, lane);
            var recorder = pretrain.FitOneCycle(bench.Budget.PretrainEpochs, PretrainLr);
            pretrain.Model.save(WeightsFile(bench, seed));
            return $"test accuracy on classes 0-4 {Formats.Number(recorder.Epochs[^1].Metrics[0] * 100, "0.00")} %";
        }));

    /// <summary>One job per seed and arm; runs after <see cref="PretrainJobs"/>.</summary>
    public static IEnumerable<Job> Jobs(Workbench bench, FineTuneRun[][] into)
    {
        for (var s = 0; s < bench.Budget.Seeds.Count; s++)
        {
            for (var a = 0; a < FineTuneArm.All.Count; a++)
            {
                var (seedIndex, armIndex, seed, arm) = (s, a, bench.Budget.Seeds[s], FineTuneArm.All[a]);
                yield return new Job($"seed {seed}, experiment 3: {arm.Name}, 1 frozen + {bench.Budget.FineTuneEpochs} unfrozen epochs on classes 5-9", lane =>
                {
                    using var learn = bench.NewLearner(Pretrained(WeightsFile(bench, seed), seed), bench.TuneData, seed, lane);
                    var run = FineTuneRun.From(arm.Fit(learn, bench.Budget.FineTuneEpochs));
                    into[armIndex][seedIndex] = run;
                    return $"accuracy after frozen phase {Formats.Number(run.FrozenAccuracy * 100, "0.00")} %, at end {Formats.Number(run.FinalAccuracy * 100, "0.00")} %";
                });
            }
        }
    }

    public static void CleanUp(Workbench bench)
    {
        foreach (var seed in bench.Budget.Seeds)
        {
            File.Delete(WeightsFile(bench, seed));
        }
    }

    /// <summary>A quarter of the frozen epoch: the window of <see cref="FineTuneRun.Bump"/>.</summary>
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

    /// <summary>The pretrained body with a new head; the head's weights depend on the seed alone, the same for every arm.</summary>
    private static nn.Module<Tensor, Tensor> Pretrained(string weights, int seed) =>
        Seeding.Create(seed + HeadSeedOffset, () =>
        {
            var body = DemoModel.Create(5);
            body.load(weights);
            return DemoModel.WithNewHead(body, 5);
        });
}
