using SchedDsl.Generation;
using TorchSharp.Modules;
using static TorchSharp.torch.optim;

namespace SchedDsl.Torch;

/// <summary>
/// Writes schedules keyed by <see cref="HyperParameter"/> into a TorchSharp optimizer's param groups: the applier the
/// <see cref="Learner"/> uses, and the one behind <see cref="ScheduleRunner"/>'s dictionary constructor. A generated
/// scheduler (<c>[OptimizerScheduler]</c>) is the other applier; both plug into the same runner.
/// </summary>
/// <remarks>
/// <para>The param groups are read once, here. Per position, every schedule is evaluated in one
/// <see cref="SchedGroups"/>: a scalar schedule once, a per-group one (list, slice) once per layer group, and
/// schedules of one shape (one-cycle's lr and momentum) with one segment search and one cosine. A scalar value is
/// written to every group. Writing allocates nothing and touches no tensor.</para>
/// <para>Groups: values address layer groups through a <see cref="GroupLayout"/>; weight decay stays 0 in the param
/// groups the layout marks as no-decay.</para>
/// <para>Learning-rate scale: <see cref="ScaleLr"/> multiplies a layer group's scheduled learning rate from now on
/// (what <see cref="ReduceLrOnPlateau"/> uses): a transform of what is applied, so the schedule keeps its shape.</para>
/// <para>Thread-safety: not thread-safe; it mutates the optimizer, which the training loop owns.</para>
/// </remarks>
public sealed class HyperApplier : IScheduleApplier
{
    private readonly Slot[] _slots;
    // Every slot's schedules in one evaluator (a scalar slot one column, a per-group slot one per layer group), and
    // the buffer it writes, which each slot then reads from its offset.
    private readonly SchedGroups _evaluator;
    private readonly double[] _columns;
    // The learning rate and a momentum written in one pass over the groups (HyperColumn.TypedMomentum), when both are
    // scheduled on SGD, Adam or AdamW; null otherwise.
    private readonly (HyperColumn.TypedMomentum Column, double[] Lr, double[] Momentum)? _pair;
    private readonly GroupCapabilities[] _capabilities;
    private readonly ParamGroup[] _groups;
    private readonly int[] _layerOf;
    private readonly bool[] _noWeightDecay;
    private readonly double[] _lrScale;
    private double _pos = double.NaN;
    private bool _scaled;

    /// <summary>Binds <paramref name="schedules"/> to every param group of <paramref name="optimizer"/>.</summary>
    /// <param name="optimizer">A TorchSharp optimizer (every managed optimizer in TorchSharp 0.107).</param>
    /// <param name="schedules">One schedule per hyper-parameter; a per-group schedule needs one value per layer group.</param>
    /// <param name="layout">How param groups map to layer groups; null for one layer group per param group.</param>
    /// <exception cref="ArgumentException">A hyper-parameter the optimizer lacks (or, for momentum, was created without), or a per-group schedule whose count differs from the layer groups.</exception>
    public HyperApplier(Optimizer optimizer, IReadOnlyDictionary<HyperParameter, Sched> schedules, GroupLayout? layout = null)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(schedules);
        _capabilities = GroupCapabilities.ForEachGroup(optimizer);
        _groups = [.. optimizer.ParamGroups.Cast<ParamGroup>()];
        layout ??= GroupLayout.Identity(_capabilities.Length);
        if (layout.ParamGroupCount != _capabilities.Length)
        {
            throw new ArgumentException($"the group layout names {layout.ParamGroupCount} param groups but {optimizer.GetType().Name} has {_capabilities.Length}", nameof(layout));
        }
        Layout = layout;
        _layerOf = layout.LayerOfEachGroup;
        _noWeightDecay = layout.NoWeightDecayOfEachGroup;
        _lrScale = Enumerable.Repeat(1.0, layout.LayerGroupCount).ToArray();
        Schedules = schedules.ToDictionary();
        var ordered = schedules.OrderBy(kv => kv.Key).ToArray();
        Values = new HyperValues([.. ordered.Select(kv => kv.Key)], layout.LayerGroupCount);
        var columns = new List<Sched>();
        _slots = [.. ordered.Select((kv, s) => Bind(kv.Key, kv.Value, optimizer, columns, Values.Row(s)))];
        _evaluator = new SchedGroups(columns);
        _columns = new double[columns.Count];
        var lr = Array.FindIndex(_slots, s => s.Hyper == HyperParameter.LearningRate);
        var momentum = Array.FindIndex(_slots, s => s.Column is HyperColumn.TypedMomentum);
        if (lr >= 0 && momentum >= 0)
        {
            _pair = ((HyperColumn.TypedMomentum)_slots[momentum].Column, _slots[lr].Row, _slots[momentum].Row);
            _slots[lr] = _slots[lr] with { Paired = true };
            _slots[momentum] = _slots[momentum] with { Paired = true };
        }
    }

    /// <summary>The number of layer groups the schedules address.</summary>
    public int GroupCount => Layout.LayerGroupCount;

    /// <summary>How param groups map to layer groups.</summary>
    public GroupLayout Layout { get; }

    /// <summary>The schedules, as given.</summary>
    public IReadOnlyDictionary<HyperParameter, Sched> Schedules { get; }

    /// <summary>The values written by the last <see cref="Apply"/>, per hyper-parameter and layer group, after any scale.</summary>
    public HyperValues Values { get; }

    /// <summary>Writes every scheduled value at <paramref name="pos"/> into every param group; allocates nothing.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pos"/> is outside [0, 1] or NaN.</exception>
    public void Apply(double pos)
    {
        if (!(pos >= 0.0 && pos <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(pos), pos, $"pos must be in [0, 1], got {pos}");
        }
        _pos = pos;
        _evaluator.At(pos, _columns);
        for (var s = 0; s < _slots.Length; s++)
        {
            var slot = _slots[s];
            var row = slot.Row;
            var scaled = slot.Hyper == HyperParameter.LearningRate && _scaled;
            if (!slot.PerGroup)
            {
                var value = _columns[slot.Offset];
                if (row.Length == 1)
                {
                    row[0] = value; // one layer group: a store, not a Fill call
                }
                else
                {
                    row.AsSpan().Fill(value);
                }
                if (!scaled)
                {
                    if (!slot.Paired)
                    {
                        slot.Column.Write(value);
                    }
                    continue;
                }
            }
            else
            {
                _columns.AsSpan(slot.Offset, row.Length).CopyTo(row);
            }
            if (scaled)
            {
                for (var g = 0; g < row.Length; g++)
                {
                    row[g] *= _lrScale[g];
                }
            }
            if (!slot.Paired)
            {
                slot.Column.Write(row, _layerOf);
            }
        }
        if (_pair is { } pair)
        {
            pair.Column.WriteWithLearningRate(pair.Lr, pair.Momentum, _layerOf);
        }
    }

    /// <summary>The multiplier on layer group <paramref name="group"/>'s scheduled learning rate (1 unless scaled).</summary>
    public double LrScale(int group) => _lrScale[group];

    /// <summary>
    /// Sets the multiplier on layer group <paramref name="group"/>'s scheduled learning rate and, when a position was
    /// applied, rewrites it with the new scale.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is negative or not finite.</exception>
    public void ScaleLr(int group, double scale)
    {
        if (!(scale >= 0 && double.IsFinite(scale)))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"scale must be a finite number >= 0, got {scale}");
        }
        _lrScale[group] = scale;
        _scaled = _lrScale.Any(x => x != 1.0);
        if (!double.IsNaN(_pos))
        {
            Apply(_pos);
        }
    }

    /// <summary>True when the values of slot <paramref name="index"/> are the same for every layer group (recorded once).</summary>
    internal bool IsUniform(int index) => !_slots[index].PerGroup && _slots[index].Hyper != HyperParameter.LearningRate;

    /// <summary>Checks <paramref name="hyper"/> against every group and adds its schedule's columns to <paramref name="columns"/>.</summary>
    private Slot Bind(HyperParameter hyper, Sched sched, Optimizer optimizer, List<Sched> columns, double[] row)
    {
        ArgumentNullException.ThrowIfNull(sched);
        for (var g = 0; g < _capabilities.Length; g++)
        {
            if (_capabilities[g].WhyUnsupported(hyper) is { } reason)
            {
                throw new ArgumentException(
                    $"{optimizer.GetType().Name} param group {g} cannot take a {hyper.FastaiName()} schedule: {reason}", nameof(optimizer));
            }
        }
        var column = HyperColumn.For(hyper, _groups, hyper == HyperParameter.WeightDecay ? _noWeightDecay : null);
        var offset = columns.Count;
        if (!sched.IsPerGroup)
        {
            columns.Add(sched);
            return new Slot(hyper, offset, false, column, row);
        }
        try
        {
            columns.AddRange(sched.ForGroups(GroupCount));
            return new Slot(hyper, offset, true, column, row);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"the {hyper.FastaiName()} schedule {sched} does not fit the {GroupCount} layer groups: {e.Message}", nameof(sched), e);
        }
    }

    /// <summary>
    /// A scheduled hyper-parameter: where its values start in the evaluator's columns, whether there is one per layer
    /// group, what writes them, and its row of <see cref="Values"/> (held here so a batch looks nothing up); the row
    /// always holds every layer group's value, which the paired write reads.
    /// </summary>
    private sealed record Slot(HyperParameter Hyper, int Offset, bool PerGroup, HyperColumn Column, double[] Row)
    {
        /// <summary>Written with the other half of <see cref="_pair"/>, after every row is computed.</summary>
        public bool Paired { get; init; }
    }
}
