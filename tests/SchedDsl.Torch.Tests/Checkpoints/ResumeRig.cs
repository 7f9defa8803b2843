using static TorchSharp.torch;

namespace SchedDsl.Torch.Tests;

/// <summary>
/// The fits the resume law is stated for, on a 3-group MLP with BatchNorm (parameters, buffers, frozen groups). Data
/// and the starting weights are made once and shared, so nothing here depends on seeding torch's process-wide
/// generator at the right moment.
/// </summary>
internal static class ResumeRig
{
    public enum FitKind
    {
        OneCycle,
        Sgdr,
        FineTune,

        /// <summary>A plateau over per-group values, observing the valid loss at each epoch's end; it reduces every epoch.</summary>
        Plateau,

        /// <summary>Warmup, GreedyLR observing the train loss every 2 batches (a move at every observation), then a 1-sqrt cooldown from where it left.</summary>
        Greedy,
    }

    /// <summary>The adaptive fits' schedules, in the text form.</summary>
    public const string PlateauText = "plateau(slice(1e-3, 3e-2), factor=0.5, patience=0, threshold=10)";

    public const string GreedyText = "combine([0.2, 0.6, 0.2], [lin(1e-3, 2e-2), greedy(2e-2, factor=0.5, patience=0, every=2), from_current(cooldown_sqrt(1))])";

    private static readonly Lazy<(TensorBatches Train, TensorBatches Valid, string Initial)> Shared = new(() =>
    {
        var (train, valid) = Synth.Data(nTrain: 5, features: 4, seed: 7);
        var initial = Path.Combine(Path.GetTempPath(), $"schedsl-resume-init-{Guid.NewGuid():N}.ckpt");
        using var learn = NewLearner(train, valid);
        learn.Save(initial, withOptimizer: false);
        return (train, valid, initial);
    });

    /// <summary>Training batches per epoch.</summary>
    public static int BatchCount => Shared.Value.Train.Count;

    /// <summary>Batches over the whole of a fit of <paramref name="kind"/> (both phases for fine-tune).</summary>
    public static int TotalBatches(FitKind kind) => 3 * BatchCount;

    /// <summary>A learner with fresh, random weights; <paramref name="fromStart"/> loads the shared starting weights.</summary>
    public static Learner Learner(bool fromStart)
    {
        var learn = NewLearner(Shared.Value.Train, Shared.Value.Valid);
        if (fromStart)
        {
            learn.Load(Shared.Value.Initial, withOptimizer: false);
        }
        return learn;
    }

    /// <summary>Runs the fit, with <paramref name="callbacks"/>, resuming from <paramref name="resumeFrom"/> when given.</summary>
    public static void Run(Learner learn, FitKind kind, IEnumerable<Callback> callbacks, string? resumeFrom)
    {
        switch (kind)
        {
            case FitKind.OneCycle:
                learn.FitOneCycle(3, Hyper.Slice(1e-3, 3e-2), callbacks: callbacks, resumeFrom: resumeFrom);
                break;
            case FitKind.Sgdr:
                learn.FitSgdr(2, 1, lrMax: 2e-2, callbacks: callbacks, resumeFrom: resumeFrom);
                break;
            case FitKind.Plateau:
                learn.Fit(3, AdaptiveSched.Parse(PlateauText), callbacks: callbacks, resumeFrom: resumeFrom);
                break;
            case FitKind.Greedy:
                learn.Fit(3, AdaptiveSched.Parse(GreedyText), monitor: "train_loss", callbacks: callbacks, resumeFrom: resumeFrom);
                break;
            default:
                learn.FineTune(2, baseLr: 2e-2, freezeEpochs: 1, callbacks: callbacks, resumeFrom: resumeFrom);
                break;
        }
    }

    private static Learner NewLearner(TensorBatches train, TensorBatches valid)
    {
        var model = nn.Sequential(
            ("fc1", nn.Linear(4, 8)), ("bn1", nn.BatchNorm1d(8)), ("act1", nn.ReLU()),
            ("fc2", nn.Linear(8, 8)), ("act2", nn.ReLU()),
            ("head", nn.Linear(8, 1)));
        return new Learner(model, train, valid, (p, t) => nn.functional.mse_loss(p, t)) { Splitter = Splitters.ByChildren(3, 5) };
    }
}

/// <summary>Records every scheduled value each batch trains with, keyed by (fit epochs, iteration): fine-tune's phases differ in epochs.</summary>
internal sealed class HyperLog : Callback
{
    public Dictionary<(int Epochs, int Iteration), double[]> Values { get; } = [];

    public override void BeforeBatch(FitContext context) =>
        Values[(context.EpochCount, context.Iteration)] =
            [.. context.Hypers.Hypers.SelectMany(h => Enumerable.Range(0, context.Hypers.GroupCount).Select(g => context.Hypers[h, g]))];
}

/// <summary>Kills the fit (as SIGKILL would, before that batch's checkpoint) after <paramref name="batches"/> batches over all its phases.</summary>
internal sealed class KillAfter(int batches) : Callback
{
    private int _seen;

    public override void AfterBatch(FitContext context)
    {
        if (++_seen == batches)
        {
            throw new KilledException();
        }
    }
}

internal sealed class KilledException : Exception;
