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
/// schedules of one shape (one-cycle's lr and momentum) with one segment search and one cosine, straight into a frame
/// (<see cref="HyperValues"/>' layout: the history's row for the step when the runner records), which the writes then
/// read. A scalar value is written to every group. Writing allocates nothing and touches no tensor.</para>
/// <para>A hyper-parameter the optimizer cannot take (an option it lacks, such as <c>sqr_mom</c> on SGD, or momentum on
/// an SGD or RMSprop created without it) is evaluated and recorded but not written, as fastai's optimizers ignore such
/// a schedule; <see cref="NotApplied"/> names each with the reason. TorchSharp would otherwise switch momentum on
/// mid-run, which fastai never does.</para>
/// <para>Groups: values address layer groups through a <see cref="GroupLayout"/>; weight decay stays 0 in the param
/// groups the layout marks as no-decay.</para>
/// <para>Learning-rate scale: <see cref="ScaleLr"/> multiplies a layer group's scheduled learning rate from now on
/// (what <see cref="ReduceLrOnPlateau"/> uses): a transform of what is applied, so the schedule keeps its shape.</para>
/// <para>Thread-safety: not thread-safe; it mutates the optimizer, which the training loop owns.</para>
/// </remarks>
public sealed class HyperApplier : IScheduleApplier
{
    // The scheduled hyper-parameters written on their own (all but _pair's two), and the learning rate's, which a
    // batch may fill and scale.
    private readonly Slot[] _alone;
    private readonly Slot? _lr;
    // Every slot's schedules in one evaluator (a scalar schedule one value, a per-group one a value per layer group),
    // writing straight into a frame laid out as Values says; the slots write the optimizer from that frame.
    private readonly SchedGroups _evaluator;
    // The frame a position is applied to when no history frame is given (recording off, or a re-apply after a scale).
    private readonly double[] _scratch;
    // The learning rate and a momentum written in one pass over the groups (HyperColumn.TypedMomentum), when both are
    // scheduled on SGD, Adam or AdamW; null otherwise.
    private readonly (HyperColumn.TypedMomentum Column, Slot Lr, Slot Momentum)? _pair;
    private readonly GroupCapabilities[] _capabilities;
    private readonly ParamGroup[] _groups;
    private readonly LayerMap _layerOf;
    private readonly bool[] _noWeightDecay;
    private readonly double[] _lrScale;
    private readonly Dictionary<HyperParameter, string> _notApplied = [];
    private double _pos = double.NaN;
    private bool _scaled;

    /// <summary>Binds <paramref name="schedules"/> to every param group of <paramref name="optimizer"/>.</summary>
    /// <param name="optimizer">A TorchSharp optimizer (every managed optimizer in TorchSharp 0.107).</param>
    /// <param name="schedules">One schedule per hyper-parameter; a per-group schedule needs one value per layer group.</param>
    /// <param name="layout">How param groups map to layer groups; null for one layer group per param group.</param>
    /// <exception cref="ArgumentException">A per-group schedule whose count differs from the layer groups.</exception>
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
        _layerOf = new LayerMap(layout.LayerOfEachGroup, layout.LayerGroupCount);
        _noWeightDecay = layout.NoWeightDecayOfEachGroup;
        _lrScale = Enumerable.Repeat(1.0, layout.LayerGroupCount).ToArray();
        Schedules = schedules.ToDictionary();
        var ordered = schedules.OrderBy(kv => kv.Key).ToArray();
        // A scalar learning rate is kept per layer group: its scale (ScaleLr) is.
        Values = new HyperValues(
            [.. ordered.Select(kv => kv.Key)],
            layout.LayerGroupCount,
            [.. ordered.Select(kv => kv.Value is { IsPerGroup: false } && kv.Key != HyperParameter.LearningRate)]);
        var columns = new List<Sched>();
        var places = new List<int>();
        Slot[] slots = [.. ordered.Select((kv, s) => Bind(kv.Key, kv.Value, optimizer, columns, places, s))];
        _evaluator = new SchedGroups(columns, [.. places], Values.FrameWidth);
        var lr = Array.FindIndex(slots, s => s.Hyper == HyperParameter.LearningRate);
        var momentum = Array.FindIndex(slots, s => s.Column is HyperColumn.TypedMomentum);
        _lr = lr >= 0 ? slots[lr] : null;
        if (lr >= 0 && momentum >= 0)
        {
            _pair = ((HyperColumn.TypedMomentum)slots[momentum].Column, slots[lr], slots[momentum]);
        }
        // Allocated after the evaluator's arrays: allocated before them (as Values' own first frame), 100 groups
        // unrecorded measured 2.3x slower, the same code (likely 4K aliasing between the evaluator's endpoint loads and
        // its stores into this frame; a recorded step's frame moves every step). docs/benchmarks.md §5.
        _scratch = new double[Values.FrameWidth];
        Values.Show(_scratch, 0);
        _alone = [.. slots.Where(s => _pair is not { } pair || (s != pair.Lr && s != pair.Momentum))];
    }

    /// <summary>The number of layer groups the schedules address.</summary>
    public int GroupCount => Layout.LayerGroupCount;

    /// <summary>How param groups map to layer groups.</summary>
    public GroupLayout Layout { get; }

    /// <summary>The schedules, as given.</summary>
    public IReadOnlyDictionary<HyperParameter, Sched> Schedules { get; }

    /// <summary>
    /// The values of the last <see cref="Apply(double)"/>, per hyper-parameter and layer group, after any scale: what
    /// was written, and for a hyper-parameter in <see cref="NotApplied"/> what was scheduled.
    /// </summary>
    public HyperValues Values { get; }

    /// <summary>
    /// The scheduled hyper-parameters that the optimizer cannot take, each with the reason (e.g. <c>mom</c>: "it was
    /// created without momentum"): they are evaluated and recorded, never written. Empty when every schedule is written.
    /// </summary>
    public IReadOnlyDictionary<HyperParameter, string> NotApplied => _notApplied;

    /// <summary>Writes every scheduled value at <paramref name="pos"/> into every param group; allocates nothing.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pos"/> is outside [0, 1] or NaN.</exception>
    public void Apply(double pos)
    {
        if (!(pos >= 0.0 && pos <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(pos), pos, $"pos must be in [0, 1], got {pos}");
        }
        Apply(pos, _scratch, 0);
    }

    /// <summary>
    /// <see cref="Apply(double)"/> for a caller that checked <paramref name="pos"/>, evaluating into
    /// <paramref name="frame"/> from <paramref name="start"/> (<see cref="HyperValues.FrameWidth"/> values), which
    /// becomes <see cref="Values"/>: the runner passes the history's frame for the step, so recording copies nothing.
    /// </summary>
    internal void Apply(double pos, double[] frame, int start)
    {
        var values = frame.AsSpan(start, Values.FrameWidth);
        _evaluator.Write(pos, values);
        _pos = pos;
        Values.Show(frame, start);
        if (_lr is { } lr && (_scaled || !lr.PerGroup))
        {
            var row = values.Slice(lr.Offset, lr.Width);
            if (!lr.PerGroup)
            {
                row[1..].Fill(row[0]); // a scalar learning rate, kept per layer group
            }
            if (_scaled)
            {
                for (var g = 0; g < row.Length; g++)
                {
                    row[g] *= _lrScale[g];
                }
            }
        }
        foreach (var slot in _alone)
        {
            var row = values.Slice(slot.Offset, slot.Width);
            if (!slot.PerGroup && !(_scaled && slot == _lr))
            {
                slot.Column.Write(row[0]);
            }
            else
            {
                slot.Column.Write(row, _layerOf);
            }
        }
        if (_pair is { } pair)
        {
            pair.Column.WriteWithLearningRate(values.Slice(pair.Lr.Offset, pair.Lr.Width), values.Slice(pair.Momentum.Offset, pair.Momentum.Width), _layerOf);
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

    /// <summary>
    /// Checks <paramref name="hyper"/> against every group and adds its schedule's columns to <paramref name="columns"/>,
    /// and where each goes in a frame to <paramref name="places"/>.
    /// </summary>
    private Slot Bind(HyperParameter hyper, Sched sched, Optimizer optimizer, List<Sched> columns, List<int> places, int index)
    {
        ArgumentNullException.ThrowIfNull(sched);
        // All groups or none: a hyper-parameter one group cannot take is written to no group, so groups never disagree.
        var why = _capabilities.Select((c, g) => c.WhyUnsupported(hyper) is { } reason ? $"{optimizer.GetType().Name} param group {g}: {reason}" : null)
            .FirstOrDefault(r => r is not null);
        if (why is not null)
        {
            _notApplied[hyper] = why;
        }
        var column = why is not null
            ? HyperColumn.Unapplied
            : HyperColumn.For(hyper, _groups, hyper == HyperParameter.WeightDecay ? _noWeightDecay : null);
        var (offset, width) = (Values.Offset(index), Values.Width(index));
        if (!sched.IsPerGroup)
        {
            columns.Add(sched);
            places.Add(offset);
            return new Slot(hyper, offset, width, false, column);
        }
        try
        {
            columns.AddRange(sched.ForGroups(GroupCount));
            places.AddRange(Enumerable.Range(offset, width));
            return new Slot(hyper, offset, width, true, column);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"the {hyper.FastaiName()} schedule {sched} does not fit the {GroupCount} layer groups: {e.Message}", nameof(sched), e);
        }
    }

    /// <summary>
    /// A scheduled hyper-parameter: where its values lie in a frame (held here so a batch looks nothing up), whether
    /// its schedule has one per layer group, and what writes them.
    /// </summary>
    private sealed class Slot(HyperParameter hyper, int offset, int width, bool perGroup, HyperColumn column)
    {
        public HyperParameter Hyper { get; } = hyper;

        public int Offset { get; } = offset;

        public int Width { get; } = width;

        public bool PerGroup { get; } = perGroup;

        public HyperColumn Column { get; } = column;
    }
}
