namespace SchedDsl.Core.Tests.LrFinding;

/// <summary>
/// fastai's <c>valley</c> as fastai writes it (callback/schedule.py): the O(n²) double loop, with its check for a new
/// longest run inside the inner loop. The library computes the same run in O(n log n); this is the oracle it must
/// match index for index.
/// </summary>
internal static class ValleyOracle
{
    public static int Index(double[] losses)
    {
        var n = losses.Length;
        var lds = Enumerable.Repeat(1, n).ToArray();
        int maxStart = 0, maxEnd = 0;
        for (var i = 1; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (losses[i] < losses[j] && lds[i] < lds[j] + 1)
                {
                    lds[i] = lds[j] + 1;
                }
                if (lds[maxEnd] < lds[i])
                {
                    maxEnd = i;
                    maxStart = maxEnd - lds[maxEnd];
                }
            }
        }
        var sections = (maxEnd - maxStart) / 3.0;
        var index = maxStart + (int)sections + (int)(sections / 2);
        return index < 0 ? index + n : index;
    }
}
