using System.Text;

namespace SchedDsl;

/// <summary>fastai's <c>LRFinder</c> schedule: <c>SchedExp(start_lr, end_lr)</c>, at <c>i/num_it</c> for batch <c>i</c>.</summary>
internal sealed record LrFinderSched(double StartLr, double EndLr)
    : Preset(new AnnealSched(AnnealerFactory.ExpFactory, StartLr, EndLr))
{
    public const double DefaultStartLr = 1e-7;
    public const double DefaultEndLr = 10;

    public override string Name => "lr_finder";

    internal override Sched Resolve(int group, int groupCount) => this;

    internal override void Print(StringBuilder builder) =>
        PrintCall(builder, [], ("start_lr", StartLr, DefaultStartLr), ("end_lr", EndLr, DefaultEndLr));
}
