#nullable enable
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Validation;
#endif

namespace SchedDsl;

internal static partial class FastaiPresets
{
    public const double LrFinderStartLr = 1e-7;
    public const double LrFinderEndLr = 10;

    public static readonly FunctionSpec LrFinder = new(
        "lr_finder", "LrFinder", "fastai `LRFinder`'s schedule: exp(start_lr, end_lr)",
        [
            ParamSpec.Number("start_lr", Rule.PositiveValue, LrFinderStartLr),
            ParamSpec.Number("end_lr", Rule.PositiveValue, LrFinderEndLr),
        ],
        a => CrossRules.Geometric(a.Number("start_lr"), a.Number("end_lr"), "start_lr", "end_lr"),
        "end_lr/start_lr within range");
}

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// The LR finder's exponential schedule (fastai's <c>LRFinder</c>): <c>exp(startLr, endLr)</c>.
    /// Text: <c>lr_finder(start_lr=1e-7, end_lr=10)</c>.
    /// </summary>
    public static Sched LrFinder(double startLr = FastaiPresets.LrFinderStartLr, double endLr = FastaiPresets.LrFinderEndLr)
    {
        Declared.Check(FastaiPresets.LrFinder, startLr, endLr);
        return new LrFinderSched(startLr, endLr);
    }
}

/// <summary>fastai's <c>LRFinder</c> schedule: <c>SchedExp(start_lr, end_lr)</c>, at <c>i/num_it</c> for batch <c>i</c>.</summary>
internal sealed record LrFinderSched(double StartLr, double EndLr)
    : Preset(new AnnealSched(AnnealerFactory.ExpFactory, StartLr, EndLr))
{
    public override FunctionSpec Function => FastaiPresets.LrFinder;

    internal override object[] Arguments => [StartLr, EndLr];
}
#endif
