namespace SchedDsl.Torch;

/// <summary>
/// How a TorchSharp optimizer's param groups map to the layer groups that schedules are written for: the
/// <see cref="Learner"/> splits each layer group into a weight-decay part and a no-decay part (biases and
/// normalisation, fastai's <c>bn_wd=False</c>), and schedules still see one group per layer group.
/// </summary>
/// <param name="LayerGroupCount">How many layer groups the schedules address.</param>
/// <param name="LayerOf">For each optimizer param group, the layer group it belongs to.</param>
/// <param name="NoWeightDecay">For each optimizer param group, true when weight decay must stay 0.</param>
internal sealed record GroupLayout(int LayerGroupCount, int[] LayerOf, bool[] NoWeightDecay)
{
    /// <summary>One layer group per optimizer param group, weight decay everywhere.</summary>
    public static GroupLayout Identity(int groupCount) =>
        new(groupCount, Enumerable.Range(0, groupCount).ToArray(), new bool[groupCount]);
}
