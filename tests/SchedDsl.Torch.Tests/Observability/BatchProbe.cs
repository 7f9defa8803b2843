namespace SchedDsl.Torch.Tests;

/// <summary>A callback that runs an action after each training batch, after every library callback (order 100).</summary>
internal sealed class BatchProbe(Action<FitContext> afterBatch) : Callback
{
    public override int Order => 100;

    public override void AfterBatch(FitContext context) => afterBatch(context);
}
