using SchedDsl.Text;

namespace SchedDsl;

/// <summary>fastai's <c>LRFinder</c> schedule: <c>SchedExp(start_lr, end_lr)</c>, at <c>i/num_it</c> for batch <c>i</c>.</summary>
internal sealed record LrFinderSched(double StartLr, double EndLr)
    : Preset(new AnnealSched(AnnealerFactory.ExpFactory, StartLr, EndLr))
{
    public override FunctionSpec Function => FastaiPresets.LrFinder;

    internal override object[] Arguments => [StartLr, EndLr];

    internal override Sched Resolve(int group, int groupCount) => this;
}
