using TorchSharp.Modules;
using static TorchSharp.torch.optim;

namespace SchedDsl.Torch;

/// <summary>
/// Applies hyper-parameter schedules to a TorchSharp optimizer's param groups once per batch, at fastai's
/// positions (batch <c>i</c> of <c>n</c> at <c>i/n</c>), and records what it applied.
/// </summary>
/// <remarks>
/// <para>In a hand-written loop it takes two lines: create it (it applies step 0 at once), and call
/// <see cref="Step"/> after each <c>optimizer.step()</c>.</para>
/// <code>
/// var runner = new ScheduleRunner(optimizer, epochs * batches, ScheduleRunner.OneCycle(1e-2));
/// foreach (...) { ...; optimizer.step(); runner.Step(); }
/// </code>
/// <para>Scalar schedules go to every group, per-group schedules (lists, slices) to their own group. The param
/// groups are read once, here; a step evaluates each schedule once per group and writes doubles into the group
/// options: no allocation beyond the recorder's lists, no tensor and no host–device synchronisation.</para>
/// <para>Resuming: the runner's state is <see cref="StepIndex"/> (and <see cref="LrScale"/> if something scaled
/// it). Save it, and pass it back as <c>startStep</c> to a new runner over the same schedules and total.</para>
/// <para>Thread-safety: not thread-safe; use it from the training loop's thread.</para>
/// </remarks>
public sealed class ScheduleRunner
{
    private readonly KeyValuePair<HyperParameter, Sched[]>[] _scheds;
    private readonly GroupWriter[] _writers;
    private readonly GroupLayout _layout;
    private readonly double[] _lrScale;
    private readonly double[][] _current;

    /// <summary>Creates a runner over every param group of <paramref name="optimizer"/> and applies step <paramref name="startStep"/>.</summary>
    /// <param name="optimizer">A TorchSharp optimizer with param groups (every managed optimizer in TorchSharp 0.107).</param>
    /// <param name="totalSteps">The number of batches the schedules span (fastai: <c>n_epoch * len(dls.train)</c>); &gt;= 1.</param>
    /// <param name="schedules">One schedule per hyper-parameter; per-group schedules must match the param-group count.</param>
    /// <param name="startStep">The step to resume at, in [0, totalSteps]; 0 for a fresh run.</param>
    /// <exception cref="ArgumentException">A schedule for a hyper-parameter the optimizer lacks, or a per-group schedule whose count differs from the optimizer's param groups.</exception>
    public ScheduleRunner(Optimizer optimizer, int totalSteps, IReadOnlyDictionary<HyperParameter, Sched> schedules, int startStep = 0)
        : this(optimizer, totalSteps, schedules, null, startStep)
    {
    }

    internal ScheduleRunner(Optimizer optimizer, int totalSteps, IReadOnlyDictionary<HyperParameter, Sched> schedules, GroupLayout? layout, int startStep)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(schedules);
        if (totalSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps, $"totalSteps must be >= 1, got {totalSteps}");
        }
        if (startStep < 0 || startStep > totalSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(startStep), startStep, $"startStep must be in [0, {totalSteps}], got {startStep}");
        }
        var groups = optimizer.ParamGroups.Select(g => g as ParamGroup
            ?? throw new ArgumentException($"{optimizer.GetType().Name} exposes a param group of type {g.GetType().Name}, not a TorchSharp ParamGroup", nameof(optimizer))).ToArray();
        if (groups.Length == 0)
        {
            throw new ArgumentException($"{optimizer.GetType().Name} has no param groups", nameof(optimizer));
        }
        _layout = layout ?? GroupLayout.Identity(groups.Length);
        if (_layout.LayerOf.Length != groups.Length)
        {
            throw new ArgumentException($"the group layout names {_layout.LayerOf.Length} param groups but {optimizer.GetType().Name} has {groups.Length}", nameof(layout));
        }
        _writers = groups.Select(g => new GroupWriter(g)).ToArray();
        _scheds = schedules.Select(kv => new KeyValuePair<HyperParameter, Sched[]>(kv.Key, Resolve(kv.Key, kv.Value, optimizer))).ToArray();
        _lrScale = Enumerable.Repeat(1.0, GroupCount).ToArray();
        _current = _scheds.Select(_ => new double[GroupCount]).ToArray();
        TotalSteps = totalSteps;
        StepIndex = startStep;
        History = new HyperHistory(schedules.Keys, GroupCount, startStep);
        Apply();
    }

    /// <summary>The number of groups schedules address (the optimizer's param groups, or the Learner's layer groups).</summary>
    public int GroupCount => _layout.LayerGroupCount;

    /// <summary>The number of batches the schedules span.</summary>
    public int TotalSteps { get; }

    /// <summary>The index of the batch whose values are applied now; <see cref="TotalSteps"/> once finished.</summary>
    public int StepIndex { get; private set; }

    /// <summary>True once every step was applied.</summary>
    public bool IsFinished => StepIndex >= TotalSteps;

    /// <summary>Every value applied to a completed batch (one whose <see cref="Step"/> was called), per hyper-parameter, per group.</summary>
    public HyperHistory History { get; }

    /// <summary>The schedules, one scalar schedule per group for each hyper-parameter.</summary>
    public IReadOnlyDictionary<HyperParameter, Sched[]> Schedules => _scheds.ToDictionary(kv => kv.Key, kv => kv.Value);

    /// <summary>The fastai one-cycle schedules: <c>lr</c> and <c>mom</c> (see <see cref="Sched.OneCycle"/>).</summary>
    public static IReadOnlyDictionary<HyperParameter, Sched> OneCycle(Hyper lrMax, double div = 25, double divFinal = 1e5, double pctStart = 0.25) =>
        new Dictionary<HyperParameter, Sched>
        {
            [HyperParameter.LearningRate] = Sched.OneCycle(lrMax, div, divFinal, pctStart),
            [HyperParameter.Momentum] = Sched.OneCycleMomentum(pctStart: pctStart),
        };

    /// <summary>
    /// Records the values applied to the batch just trained, then advances to the next batch and applies its values
    /// (nothing is applied at <c>pos = 1</c>, as in fastai).
    /// </summary>
    /// <exception cref="InvalidOperationException">Every step was already taken.</exception>
    public void Step()
    {
        if (IsFinished)
        {
            throw new InvalidOperationException($"the runner already took all {TotalSteps} steps");
        }
        for (var h = 0; h < _scheds.Length; h++)
        {
            for (var layer = 0; layer < GroupCount; layer++)
            {
                History.Add(_scheds[h].Key, layer, _current[h][layer]);
            }
        }
        StepIndex++;
        if (!IsFinished)
        {
            Apply();
        }
    }

    /// <summary>The value applied now (to the current batch) for <paramref name="hyper"/> and <paramref name="group"/>, after any scale.</summary>
    /// <exception cref="KeyNotFoundException"><paramref name="hyper"/> is not scheduled.</exception>
    public double Current(HyperParameter hyper, int group)
    {
        for (var h = 0; h < _scheds.Length; h++)
        {
            if (_scheds[h].Key == hyper)
            {
                return _current[h][group];
            }
        }
        throw new KeyNotFoundException($"{hyper.FastaiName()} is not scheduled");
    }

    /// <summary>The multiplier on group <paramref name="group"/>'s scheduled learning rate (1 unless reduced, e.g. by <see cref="ReduceLrOnPlateau"/>).</summary>
    public double LrScale(int group) => _lrScale[group];

    /// <summary>Sets the multiplier on group <paramref name="group"/>'s scheduled learning rate and re-applies the current step with it.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is negative or not finite.</exception>
    public void SetLrScale(int group, double scale)
    {
        if (!(scale >= 0 && double.IsFinite(scale)))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"scale must be a finite number >= 0, got {scale}");
        }
        _lrScale[group] = scale;
        Reapply();
    }

    private void Apply()
    {
        var pos = (double)StepIndex / TotalSteps;
        for (var h = 0; h < _scheds.Length; h++)
        {
            var (hyper, scheds) = _scheds[h];
            var current = _current[h];
            for (var layer = 0; layer < scheds.Length; layer++)
            {
                var value = scheds[layer].At(pos);
                current[layer] = hyper == HyperParameter.LearningRate ? value * _lrScale[layer] : value;
            }
            for (var g = 0; g < _writers.Length; g++)
            {
                var value = hyper == HyperParameter.WeightDecay && _layout.NoWeightDecay[g] ? 0.0 : current[_layout.LayerOf[g]];
                _writers[g].Write(hyper, value);
            }
        }
    }

    private void Reapply()
    {
        if (!IsFinished)
        {
            Apply();
        }
    }

    private Sched[] Resolve(HyperParameter hyper, Sched sched, Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(sched);
        for (var g = 0; g < _writers.Length; g++)
        {
            if (!_writers[g].Supports(hyper))
            {
                throw new ArgumentException(
                    $"{optimizer.GetType().Name} has no {hyper.FastaiName()} ({hyper}) in param group {g}; remove that schedule or use an optimizer that has it",
                    nameof(optimizer));
            }
        }
        try
        {
            return sched.ForGroups(GroupCount);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"the {hyper.FastaiName()} schedule {sched} does not fit the {GroupCount} parameter groups: {e.Message}", nameof(sched), e);
        }
    }
}
