namespace SchedDsl.Torch;

/// <summary>
/// Param group <c>g</c>'s layer group, for the per-batch writes: <c>g</c> itself when each param group is its own
/// layer group (no table read per group, as a hand loop indexes its peaks), else the layout's table.
/// </summary>
internal readonly struct LayerMap
{
    private readonly int[]? _table;

    /// <summary>The map of <paramref name="layerOf"/> (for each param group, its layer group).</summary>
    public LayerMap(int[] layerOf, int layerGroupCount)
    {
        var identity = layerOf.Length == layerGroupCount;
        for (var g = 0; identity && g < layerOf.Length; g++)
        {
            identity = layerOf[g] == g;
        }
        _table = identity ? null : layerOf;
    }

    /// <summary>True when param group <c>g</c> is layer group <c>g</c>.</summary>
    public bool IsIdentity => _table is null;

    /// <summary>The layer group of param group <paramref name="g"/>.</summary>
    public int this[int g] => _table is null ? g : _table[g];
}
