using System.Globalization;

namespace SchedDsl.Prediction;

/// <summary>
/// The recorded loss of one fit, as a loss law reads it: the learning rate applied at every step, and the losses
/// measured after some of those steps.
/// </summary>
/// <remarks>
/// <para>Step <c>s</c> counts the optimizer steps done (1 after the first batch); the loss at step <c>s</c> was
/// measured after <c>s</c> steps, with learning rates <c>LearningRates[0 … s-1]</c> applied. A loss law needs the whole
/// learning-rate history from the first step, even where no loss was measured.</para>
/// <para>From SchedDsl.Torch's recorder: <c>LossCurve.PerStep(recorder.Lrs, recorder.RawLosses)</c>. From a schedule
/// and losses measured at a few steps (the CSV logger's epoch rows): <see cref="AtSteps(Sched, int, IReadOnlyList{int}, IReadOnlyList{double})"/>.</para>
/// <para>Immutable (the lists are copied in); thread-safe.</para>
/// </remarks>
public sealed class LossCurve
{
    private readonly double[] _learningRates;
    private readonly int[] _steps;
    private readonly double[] _losses;

    private LossCurve(double[] learningRates, int[] steps, double[] losses)
    {
        _learningRates = learningRates;
        _steps = steps;
        _losses = losses;
    }

    /// <summary>The learning rate of every step, from the first: <c>LearningRates[i]</c> was applied in step <c>i + 1</c>.</summary>
    public IReadOnlyList<double> LearningRates => _learningRates;

    /// <summary>The steps after which a loss was measured, increasing, each in [1, <see cref="TotalSteps"/>].</summary>
    public IReadOnlyList<int> Steps => _steps;

    /// <summary>The loss measured after each of <see cref="Steps"/>.</summary>
    public IReadOnlyList<double> Losses => _losses;

    /// <summary>The steps of the fit: the length of <see cref="LearningRates"/>.</summary>
    public int TotalSteps => _learningRates.Length;

    /// <summary>A loss after every step: <c>losses[i]</c> was measured after step <c>i + 1</c>, which applied <c>learningRates[i]</c>.</summary>
    /// <param name="learningRates">The learning rate of every step (SchedDsl.Torch: <c>recorder.Lrs</c>).</param>
    /// <param name="losses">The loss after every step (<c>recorder.RawLosses</c>, or <c>recorder.Losses</c> smoothed), as many as <paramref name="learningRates"/>.</param>
    /// <exception cref="ArgumentException">The lists have different lengths or are empty, or a learning rate is negative or not finite.</exception>
    public static LossCurve PerStep(IReadOnlyList<double> learningRates, IReadOnlyList<double> losses)
    {
        ArgumentNullException.ThrowIfNull(learningRates);
        ArgumentNullException.ThrowIfNull(losses);
        if (losses.Count != learningRates.Count)
        {
            throw new ArgumentException($"one loss per step is needed: {learningRates.Count} learning rates but {losses.Count} losses", nameof(losses));
        }
        return Create(learningRates.ToArray(), [.. Enumerable.Range(1, losses.Count)], losses.ToArray());
    }

    /// <summary>Losses measured after some steps of a fit that followed <paramref name="learningRates"/>.</summary>
    /// <param name="learningRates">The learning rate of every step of the fit.</param>
    /// <param name="steps">The steps after which each loss was measured: increasing, each in [1, number of learning rates].</param>
    /// <param name="losses">The losses, one per step of <paramref name="steps"/>.</param>
    /// <exception cref="ArgumentException">Lists of different lengths, no learning rate, a step out of order or out of range, or a learning rate negative or not finite.</exception>
    public static LossCurve AtSteps(IReadOnlyList<double> learningRates, IReadOnlyList<int> steps, IReadOnlyList<double> losses)
    {
        ArgumentNullException.ThrowIfNull(learningRates);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(losses);
        return Create(learningRates.ToArray(), steps.ToArray(), losses.ToArray());
    }

    /// <summary>Losses measured after some steps of a fit of <paramref name="totalSteps"/> steps that followed <paramref name="lr"/>.</summary>
    /// <param name="lr">The learning-rate schedule of the fit; step <c>i + 1</c> applied its value at <see cref="Positions.At"/>(i, totalSteps), as SchedDsl.Torch's learner does.</param>
    /// <param name="totalSteps">The steps of the fit, &gt;= 1.</param>
    /// <param name="steps">The steps after which each loss was measured (for the CSV logger's epoch rows: the end of each epoch).</param>
    /// <param name="losses">The losses, one per step of <paramref name="steps"/>.</param>
    /// <exception cref="ArgumentException">As <see cref="AtSteps(IReadOnlyList{double}, IReadOnlyList{int}, IReadOnlyList{double})"/>; a schedule with per-group values.</exception>
    public static LossCurve AtSteps(Sched lr, int totalSteps, IReadOnlyList<int> steps, IReadOnlyList<double> losses)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(losses);
        return Create(LearningRatesOf(lr, totalSteps), steps.ToArray(), losses.ToArray());
    }

    /// <summary>The learning rate of every step of a fit of <paramref name="totalSteps"/> steps: <c>lr.At(i / totalSteps)</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="lr"/> has per-group values (a list or a slice), or <paramref name="totalSteps"/> &lt; 1.</exception>
    public static double[] LearningRatesOf(Sched lr, int totalSteps)
    {
        ArgumentNullException.ThrowIfNull(lr);
        if (lr.IsPerGroup)
        {
            throw new ArgumentException($"the learning-rate schedule must have one value per step, but {lr} has per-group values (a list or a slice)", nameof(lr));
        }
        if (totalSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps, $"totalSteps must be >= 1, got {totalSteps}");
        }
        return [.. Positions.Grid(totalSteps).Select(lr.At)];
    }

    private static LossCurve Create(double[] learningRates, int[] steps, double[] losses)
    {
        if (learningRates.Length == 0)
        {
            throw new ArgumentException("a loss curve needs the learning rate of at least one step", nameof(learningRates));
        }
        if (steps.Length != losses.Length)
        {
            throw new ArgumentException($"one loss per step is needed: {steps.Length} steps but {losses.Length} losses", nameof(losses));
        }
        for (var i = 0; i < learningRates.Length; i++)
        {
            if (!double.IsFinite(learningRates[i]) || learningRates[i] < 0)
            {
                throw new ArgumentException($"learning rate {i} (step {i + 1}) must be finite and >= 0, got {Text(learningRates[i])}", nameof(learningRates));
            }
        }
        for (var i = 0; i < steps.Length; i++)
        {
            if (steps[i] < 1 || steps[i] > learningRates.Length || (i > 0 && steps[i] <= steps[i - 1]))
            {
                throw new ArgumentException(
                    $"steps must increase within [1, {learningRates.Length}]; steps[{i}] is {steps[i]}" + (i > 0 ? $" after {steps[i - 1]}" : ""), nameof(steps));
            }
        }
        return new LossCurve(learningRates, steps, losses);
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
