using SchedDsl.Torch;
using static TorchSharp.torch;

namespace SchedDsl.TimePictures;

/// <summary>The runs' learner: a noisy linear regression, the same rows and initial weights for every run.</summary>
internal static class Rig
{
    /// <summary>A learner over <paramref name="rows"/> rows in batches of <paramref name="batchSize"/>, unshuffled.</summary>
    public static Learner Learner(int rows, int batchSize, double noise = 0.5)
    {
        using var generator = manual_seed(1);
        var x = randn(rows, 4);
        var y = (x.sum(1, keepdim: true) * 2) + 3 + (noise * randn(rows, 1));
        manual_seed(2);
        return new Learner(nn.Linear(4, 1), new TensorBatches(x, y, batchSize), valid: null, (p, t) => nn.functional.mse_loss(p, t));
    }
}

/// <summary>A temporary folder for the runs' checkpoints, removed at the end.</summary>
internal sealed class Scratch : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("schedsl-time-pictures-").FullName;

    public string this[string name] => Path.Combine(Folder, name);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>Copies the checkpoint written after each of <paramref name="steps"/> batches to <c>{step}.ckpt</c> beside it (runs after <see cref="CheckpointCallback"/>).</summary>
internal sealed class KeepCheckpoints(CheckpointCallback writer, params int[] steps) : Callback
{
    public override int Order => 1000;

    public string PathAt(int step) => Path.Combine(writer.Directory, $"{step}.ckpt");

    public override void AfterBatch(FitContext context)
    {
        if (steps.Contains(context.Iteration))
        {
            File.Copy(writer.LastPath, PathAt(context.Iteration), overwrite: true);
        }
    }
}

/// <summary>Cancels the fit after <paramref name="steps"/> batches, as a kill would (its checkpoint is written first).</summary>
internal sealed class KillAfter(int steps, CancellationTokenSource source) : Callback
{
    public override int Order => 1000;

    public override void AfterBatch(FitContext context)
    {
        if (context.Iteration == steps)
        {
            source.Cancel();
        }
    }
}
