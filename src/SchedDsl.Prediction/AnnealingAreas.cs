namespace SchedDsl.Prediction;

/// <summary>
/// Tissue et al.'s two areas of a learning-rate history, after every step: the forward area <c>S1</c> and the
/// annealing area <c>S2</c>.
/// </summary>
/// <remarks>
/// <c>S1(s) = Σ_{i=1..s} η_i</c>; <c>S2(s) = Σ_{i=1..s} m_i</c> with the annealing momentum
/// <c>m_i = λ·m_{i-1} + (η_{i-1} − η_i)</c>, <c>m_0 = 0</c> and <c>η_0 = η_1</c> (the first step anneals nothing).
/// A warmup's rising rate makes <c>m_i</c> negative, as the formula says; the paper's runs warm up for a few hundred of
/// tens of thousands of steps.
/// </remarks>
internal static class AnnealingAreas
{
    public static (double[] S1, double[] S2) Of(IReadOnlyList<double> learningRates, double lambda)
    {
        var s1 = new double[learningRates.Count];
        var s2 = new double[learningRates.Count];
        double forward = 0, momentum = 0, annealing = 0;
        for (var i = 0; i < learningRates.Count; i++)
        {
            var previous = i == 0 ? learningRates[0] : learningRates[i - 1];
            forward += learningRates[i];
            momentum = (lambda * momentum) + (previous - learningRates[i]);
            annealing += momentum;
            s1[i] = forward;
            s2[i] = annealing;
        }
        return (s1, s2);
    }
}
