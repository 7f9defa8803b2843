using SchedDsl.LrFinding;
using Xunit;
using static SchedDsl.Core.Tests.LrFinding.ReferenceCurves;

namespace SchedDsl.Core.Tests.LrFinding;

/// <summary>The C# example of docs/lr-finder.md, run on a reference curve; keep the two in step.</summary>
public sealed class LrFindDocsExampleTests
{
    [Fact]
    public void Docs_example_gives_fastai_lr_find_valley()
    {
        var (lrs, losses, _) = Curve("noisy_u");

        // --- as in docs/lr-finder.md ---
        var (trimmedLrs, trimmedLosses) = LrCurve.Trim(lrs, losses, numIt: 100);   // as lr_find does
        var all = LrSuggestions.All(trimmedLrs, trimmedLosses);
        double valley = all.Valley!.Value.Lr;                                      // fastai's default suggestion
        SuggestedLr? slide = all.Slide;                                            // null: fewer than 16 points
        var wider = LrSuggestions.Slide(trimmedLrs, trimmedLosses, lrDiff: 10, thresh: 0.01);
        // ---

        // fastai's lr_find (float64 tensors) on this curve: valley 0.00019054607179632462; an ulp of slack.
        Assert.Equal(0.00019054607179632462, valley, 1e-18);
        Assert.NotNull(slide);
        Assert.Contains(wider.Lr, trimmedLrs);
    }
}
