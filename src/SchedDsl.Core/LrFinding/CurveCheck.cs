using SchedDsl.Validation;

namespace SchedDsl.LrFinding;

/// <summary>The argument checks shared by the suggestion functions; messages name function, parameter, value and range.</summary>
internal static class CurveCheck
{
    /// <summary>Equal lengths, every lr finite and &gt; 0, and not every loss NaN.</summary>
    public static void Curve(string function, ReadOnlySpan<double> lrs, ReadOnlySpan<double> losses)
    {
        SameLength(function, lrs, losses);
        for (var i = 0; i < lrs.Length; i++)
        {
            if (!(double.IsFinite(lrs[i]) && lrs[i] > 0))
            {
                throw new SchedArgumentException(function, "lrs", $"must be finite and > 0 at every point, got lrs[{i}] = {NumberText.Format(lrs[i])}");
            }
        }
        if (losses.Length > 0 && AllNaN(losses))
        {
            throw new SchedArgumentException(function, "losses", $"must hold at least one number, got {losses.Length} NaN values");
        }
    }

    public static void SameLength(string function, ReadOnlySpan<double> lrs, ReadOnlySpan<double> losses)
    {
        if (lrs.Length != losses.Length)
        {
            throw new SchedArgumentException(function, "losses", $"must have one value per learning rate: lrs has {lrs.Length} points, losses has {losses.Length}");
        }
    }

    public static void Points(string function, int count, long required, string why)
    {
        if (count < required)
        {
            throw new SchedArgumentException(function, "lrs", $"must have at least {required} point{(required == 1 ? "" : "s")}{why}, got {count}");
        }
    }

    private static bool AllNaN(ReadOnlySpan<double> losses)
    {
        foreach (var loss in losses)
        {
            if (!double.IsNaN(loss))
            {
                return false;
            }
        }
        return true;
    }
}
