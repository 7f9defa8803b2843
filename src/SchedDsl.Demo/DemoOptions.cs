using SchedDsl.Torch;

namespace SchedDsl.Demo;

/// <summary>The demo's options (its command line: <see cref="DemoApp"/>); the defaults finish in about two minutes on 2 CPU cores.</summary>
internal sealed record DemoOptions
{
    /// <summary>Training images used (the default subset); ignored with <see cref="Full"/>.</summary>
    public int TrainSamples { get; init; } = 30_000;

    /// <summary>Test images used for accuracy; ignored with <see cref="Full"/>.</summary>
    public int TestSamples { get; init; } = 10_000;

    /// <summary>Use all 60,000 training and 10,000 test images.</summary>
    public bool Full { get; init; }

    /// <summary>Epochs of the one-cycle fit.</summary>
    public int Epochs { get; init; } = 5;

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>LR finder iterations (fastai's <c>num_it</c>).</summary>
    public int LrFindIterations { get; init; } = 100;

    /// <summary>LR finder runs on other data orders (<c>LrFind(runs: n)</c>); 1 is fastai's <c>lr_find</c>, the demo's default.</summary>
    public int LrFindRuns { get; init; } = 1;

    /// <summary>Epochs of the unfrozen fine-tune phase (after one frozen epoch).</summary>
    public int FineTuneEpochs { get; init; } = 2;

    /// <summary>Run the fine-tune part (pretrain on classes 0–4, fine-tune on 5–9).</summary>
    public bool FineTune { get; init; } = true;

    /// <summary>Also train a constant-lr baseline at the same budget, for comparison.</summary>
    public bool Baseline { get; init; }

    /// <summary><c>cpu</c>, <c>cuda</c> or <c>cuda:N</c> (<see cref="DemoDevice.Allowed"/>).</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Where <c>sched.png</c> and <c>lr_find.png</c> go: <c>out/demo</c> under the current folder (ignored by git), created when missing.</summary>
    public string OutputDirectory { get; init; } = Path.Combine("out", "demo");

    /// <summary>Where the Fashion-MNIST IDX files are.</summary>
    public string DataDirectory { get; init; } = Torch.IdxDatasets.DebianFashionMnist;

    /// <summary>Seed for weights and shuffling.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Where <c>--csv</c> writes the one-cycle fit's results table (<see cref="SchedDsl.Torch.CsvLogger"/>), or null.</summary>
    public string? CsvPath { get; init; }

    /// <summary>Where <c>--tensorboard</c> writes the one-cycle fit's event files (<see cref="SchedDsl.Torch.TensorBoardLogger"/>), or null.</summary>
    public string? TensorBoardDirectory { get; init; }

    /// <summary>Torch CPU threads; 0 keeps TorchSharp's default.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>Where <c>--checkpoint</c> writes the one-cycle fit's checkpoints (<c>last.ckpt</c>), or null.</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>Batches between checkpoints (<c>--checkpoint-every</c>); 0 for epoch ends only.</summary>
    public int CheckpointEvery { get; init; }

    /// <summary>A folder whose <c>last.ckpt</c> the one-cycle fit resumes from (<c>--resume</c>), or null.</summary>
    public string? ResumeDirectory { get; init; }

    /// <summary>What the one-cycle fit's schedules count (<c>--clock</c>).</summary>
    public ClockUnit Clock { get; init; } = ClockUnit.Batches;

    /// <summary>Micro-batches accumulated into one update of the one-cycle fit (<c>--accumulate</c>); 1 steps every batch.</summary>
    public int Accumulate { get; init; } = 1;

    /// <summary>The one-cycle fit's peak learning rate (<c>--lr</c>) instead of the LR finder's suggestion, or null.</summary>
    public double? Lr { get; init; }

    /// <summary>Where <c>--hypers-csv</c> writes one row per trained batch of the one-cycle fit, or null.</summary>
    public string? HypersCsvPath { get; init; }

    /// <summary>How <c>--resume</c> with another <c>--epochs</c> re-plans the one-cycle fit (<c>--replan</c>, <see cref="Learner.ReplanPolicy"/>).</summary>
    public ReplanPolicy Replan { get; init; } = ReplanPolicy.Stretch;
    /// <summary>The learning-rate schedule replacing the one-cycle fit's (<c>--schedule</c>), or null for <c>one_cycle(lr)</c>.</summary>
    public DemoSchedule? Schedule { get; init; }
}
