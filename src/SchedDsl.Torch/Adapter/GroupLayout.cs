namespace SchedDsl.Torch;

/// <summary>
/// How a TorchSharp optimizer's param groups map to the layer groups that schedules are written for. The
/// <see cref="Learner"/> splits each layer group into a weight-decay part and a no-decay part (biases and
/// normalisation, fastai's <c>bn_wd=False</c>), so one layer group may own two param groups; schedules, the recorder
/// and <see cref="FitContext.Hypers"/> still see one value per layer group.
/// </summary>
/// <remarks>
/// A callback that reads <c>Optimizer.ParamGroups</c> finds param group <c>i</c>'s layer group with
/// <see cref="LayerGroupOf"/>. Immutable; thread-safe.
/// </remarks>
public sealed class GroupLayout
{
    private readonly int[] _layerOf;
    private readonly bool[] _noWeightDecay;

    /// <summary>Creates a layout.</summary>
    /// <param name="layerGroupCount">How many layer groups the schedules address, &gt;= 1.</param>
    /// <param name="layerOf">For each optimizer param group, the layer group it belongs to, in [0, layerGroupCount).</param>
    /// <param name="noWeightDecay">For each optimizer param group, true when its weight decay must stay 0.</param>
    /// <exception cref="ArgumentException">The lists differ in length, or a layer index is out of range.</exception>
    public GroupLayout(int layerGroupCount, IReadOnlyList<int> layerOf, IReadOnlyList<bool> noWeightDecay)
    {
        ArgumentNullException.ThrowIfNull(layerOf);
        ArgumentNullException.ThrowIfNull(noWeightDecay);
        ArgumentOutOfRangeException.ThrowIfLessThan(layerGroupCount, 1);
        if (layerOf.Count != noWeightDecay.Count)
        {
            throw new ArgumentException($"layerOf names {layerOf.Count} param groups but noWeightDecay {noWeightDecay.Count}", nameof(noWeightDecay));
        }
        for (var g = 0; g < layerOf.Count; g++)
        {
            if (layerOf[g] < 0 || layerOf[g] >= layerGroupCount)
            {
                throw new ArgumentException($"param group {g} maps to layer group {layerOf[g]}, outside [0, {layerGroupCount - 1}]", nameof(layerOf));
            }
        }
        LayerGroupCount = layerGroupCount;
        _layerOf = [.. layerOf];
        _noWeightDecay = [.. noWeightDecay];
    }

    /// <summary>How many layer groups the schedules address.</summary>
    public int LayerGroupCount { get; }

    /// <summary>How many optimizer param groups the layout covers.</summary>
    public int ParamGroupCount => _layerOf.Length;

    /// <summary>The layer group that optimizer param group <paramref name="paramGroup"/> belongs to.</summary>
    public int LayerGroupOf(int paramGroup) => _layerOf[paramGroup];

    /// <summary>True when optimizer param group <paramref name="paramGroup"/> gets no weight decay (biases, normalisation).</summary>
    public bool HasNoWeightDecay(int paramGroup) => _noWeightDecay[paramGroup];

    /// <summary>For each param group its layer group; read-only, for the applier's per-batch loop.</summary>
    internal int[] LayerOfEachGroup => _layerOf;

    /// <summary>For each param group whether its weight decay stays 0; read-only.</summary>
    internal bool[] NoWeightDecayOfEachGroup => _noWeightDecay;

    /// <summary>One layer group per optimizer param group, weight decay everywhere: what a plain optimizer has.</summary>
    public static GroupLayout Identity(int groupCount) =>
        new(groupCount, Enumerable.Range(0, groupCount).ToArray(), new bool[groupCount]);
}
