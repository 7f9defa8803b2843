namespace SchedDsl.Experiments;

/// <summary>
/// How much each experiment trains: the one place the three budgets are defined. Every arm of an experiment gets
/// the same data, epochs and batch size; only the seeds vary the initialisation and the batch order.
/// </summary>
/// <param name="Name">quick, default or full.</param>
/// <param name="TrainImages">Fashion-MNIST training images used (the first ones of the file).</param>
/// <param name="TestImages">Test images, the validation set of every fit.</param>
/// <param name="Epochs">Epochs of every fit in experiments 1 and 2.</param>
/// <param name="Seeds">The seeds, one full replicate of every experiment each.</param>
/// <param name="LrFindIterations">Batches of each LR finder run.</param>
/// <param name="PretrainEpochs">Experiment 3: epochs of pretraining on classes 0–4.</param>
/// <param name="FineTuneEpochs">Experiment 3: epochs of the unfrozen phase (after one frozen epoch).</param>
/// <param name="BatchSize">Training batch size.</param>
internal sealed record Budget(
    string Name, int TrainImages, int TestImages, int Epochs, IReadOnlyList<int> Seeds, int LrFindIterations, int PretrainEpochs,
    int FineTuneEpochs, int BatchSize)
{
    /// <summary>CI: proves the pipeline in a minute or two on 2 cores; its numbers mean little.</summary>
    public static Budget Quick { get; } = new("quick", 2_000, 1_000, 1, [0, 1], 60, 1, 1, 64);

    /// <summary>What docs/results.md shows: all 60k training images, 5 epochs, five seeds; about 10 minutes on 2 quiet cores (30k took 4.5).</summary>
    public static Budget Default { get; } = new("default", 60_000, 10_000, 5, [0, 1, 2, 3, 4], 100, 2, 3, 128);

    /// <summary>Twice the epochs and ten seeds: about 40 minutes on 2 quiet cores.</summary>
    public static Budget Full { get; } = new("full", 60_000, 10_000, 10, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 100, 3, 5, 128);

    /// <summary>The budget named by the command line (<c>--quick</c>, <c>--full</c>, or neither).</summary>
    public static Budget FromFlags(bool quick, bool full) => quick ? Quick : full ? Full : Default;
}
