namespace SchedDsl;

/// <summary>
/// fastai's training positions: batch <c>i</c> of <c>n</c> is at <c>i/n</c>, so <c>pos = 1</c> is never applied
/// during training; the LR finder's batch <c>i</c> of <c>num_it</c> is at <c>i/num_it</c>.
/// </summary>
/// <remarks>Pure; thread-safe.</remarks>
public static class Positions
{
    /// <summary>The position of step <paramref name="step"/> of <paramref name="totalSteps"/>: <c>step/totalSteps</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalSteps"/> &lt; 1 or <paramref name="step"/> outside [0, totalSteps].</exception>
    public static double At(int step, int totalSteps)
    {
        if (totalSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps, $"totalSteps must be >= 1, got {totalSteps}");
        }
        if (step < 0 || step > totalSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"step must be in [0, {totalSteps}], got {step}");
        }
        return (double)step / totalSteps;
    }

    /// <summary>The positions <c>i/totalSteps</c> for <c>i = 0 … totalSteps-1</c>.</summary>
    public static double[] Grid(int totalSteps)
    {
        if (totalSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps, $"totalSteps must be >= 1, got {totalSteps}");
        }
        var grid = new double[totalSteps];
        for (var i = 0; i < totalSteps; i++)
        {
            grid[i] = (double)i / totalSteps;
        }
        return grid;
    }
}
