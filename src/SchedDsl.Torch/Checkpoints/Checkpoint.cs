using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SchedDsl.Torch;

/// <summary>
/// A checkpoint read from disk and verified (<see cref="CheckpointFile"/>): the model, optimizer and RNG state, and,
/// when taken during a fit, the fit's schedules and position. Everything is checked against the learner before
/// anything is written into it, and a failure while writing puts back what was there: a checkpoint either loads whole
/// or leaves the learner (weights, optimizer, trainable flags, recorder, RNG) as it was.
/// </summary>
internal sealed class Checkpoint
{
    private Checkpoint(string path, CheckpointMeta meta, byte[] model, byte[] optimizer, byte[] rng)
    {
        (Path, Meta, _model, _optimizer, _rng) = (path, meta, model, optimizer, rng);
    }

    private readonly byte[] _model;
    private readonly byte[] _optimizer;
    private readonly byte[] _rng;
    // The adaptive learning rate's fold states, checked by ForFit and written into the fit by RestoreFit.
    private AdaptiveState[]? _adaptive;

    public string Path { get; }

    public CheckpointMeta Meta { get; }

    /// <summary>The next batch to train, over the whole fit.</summary>
    public int Step => Meta.Fit?.Step ?? 0;

    public static Checkpoint Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new CheckpointException($"no checkpoint at {path}");
        }
        var (meta, model, optimizer, rng) = CheckpointFile.Read(path);
        return new Checkpoint(path, meta, model, optimizer, rng);
    }

    /// <summary>Writes the learner's state, and the fit's when <paramref name="context"/> is given, to <paramref name="path"/> (atomically).</summary>
    public static void Write(string path, Learner learner, bool withOptimizer, FitContext? context, int step)
    {
        var model = learner.Model;
        var optimizer = withOptimizer ? learner.Optimizer as OptimizerHelper : null;
        var meta = new CheckpointMeta
        {
            Tensors = model.state_dict().Select(kv => new TensorEntry(kv.Key, kv.Value.shape)).ToList(),
            RequiresGrad = model.parameters().Select(p => p.requires_grad).ToList(),
            Optimizer = optimizer?.GetType().Name,
            ParamGroups = optimizer?.ParamGroups.Count() ?? 0,
            Fit = context is null ? null : FitMetaOf(context, step),
        };
        CheckpointFile.Write(path, meta, Bytes(w => model.save(w)), optimizer is null ? [] : Bytes(optimizer.save_state_dict), RngState.Capture());
    }

    /// <summary>
    /// Checks that this checkpoint was taken during the fit <paramref name="plan"/> describes, on this learner's model,
    /// and returns the plan that resumes it: <paramref name="plan"/> with the checkpoint's schedules, re-planned by
    /// <see cref="Learner.ReplanPolicy"/> (<see cref="Sched.Replan"/>, in the clock's units) when <paramref name="plan"/>
    /// has another number of epochs.
    /// </summary>
    /// <exception cref="CheckpointException">Names what differs.</exception>
    public FitPlan ForFit(Learner learner, FitPlan plan, int scheduleSteps)
    {
        var fit = Meta.Fit ?? throw new CheckpointException($"{Path} was saved outside a fit (Learner.Save); load it with Learner.Load, or resume from a checkpoint written during the fit");
        if (fit.ClockUnit != plan.Clock)
        {
            throw new CheckpointException($"{Path} was taken on the {fit.ClockUnit} clock and this fit counts {plan.Clock}: a fit keeps one clock; set Learner.Clock = ClockUnit.{fit.ClockUnit} to resume it");
        }
        if (fit.Accumulate != learner.AccumulateSamples)
        {
            throw new CheckpointException($"{Path} was taken accumulating {fit.Accumulate} samples per update and this learner accumulates {learner.AccumulateSamples}: set Learner.AccumulateSamples = {fit.Accumulate} to resume it");
        }
        Differ("batches per epoch", fit.BatchCount, learner.Train.Count);
        if (fit.ClockUnit == ClockUnit.Tokens)
        {
            Differ("tokens per epoch", fit.TokensPerEpoch, learner.TokensPerEpoch());
        }
        var saved = Schedules(fit);
        // A checkpoint of a re-planned fit holds replan(planned schedule, ...): it belongs to the fit of that schedule.
        var expected = Texts(plan.Schedules);
        foreach (var name in expected.Keys.Union(fit.Schedules.Keys).Order(StringComparer.Ordinal))
        {
            var ours = expected.GetValueOrDefault(name, "(none)");
            var theirs = fit.Schedules.GetValueOrDefault(name, "(none)");
            if (ours != theirs && ours != (theirs == "(none)" ? theirs : Planned(theirs)))
            {
                throw new CheckpointException($"{Path} belongs to another fit: its {name} schedule is {theirs}, this fit's is {ours}");
            }
        }
        // The fit's own schedule objects where the checkpoint holds them unchanged; the parsed re-plan otherwise.
        var current = plan.Schedules.ToDictionary(kv => kv.Key, kv => fit.Schedules[kv.Key.FastaiName()] == kv.Value.ToString() ? kv.Value : saved[kv.Key]);
        _adaptive = AdaptiveStates(plan, fit);
        var resumed = plan with { Schedules = plan.Epochs == fit.Epochs ? current : Replanned(learner, plan, fit, current) };
        if (plan.Epochs == fit.Epochs)
        {
            Differ("schedule steps", fit.ScheduleSteps, scheduleSteps);
        }
        CheckModel(learner.Model);
        CheckOptimizer(learner.CreateOptimizer());
        if (!Meta.RequiresGrad.Contains(true))
        {
            throw new CheckpointException($"{Path} is damaged: it marks every parameter frozen, so the fit could not train");
        }
        if (fit.LrScale.Count != learner.GroupCount)
        {
            throw new CheckpointException($"{Path} is damaged: it holds {fit.LrScale.Count} learning-rate scales, this learner has {learner.GroupCount} layer groups");
        }
        if (fit.Rows.FirstOrDefault(r => r.Metrics.Count != learner.Metrics.Count) is { } row)
        {
            throw new CheckpointException($"{Path} belongs to another fit: its row of epoch {row.Epoch} has {row.Metrics.Count} metrics, this learner has {learner.Metrics.Count}");
        }
        if (RngState.Problem(_rng) is { } problem)
        {
            throw new CheckpointException($"{Path} is damaged: {problem}");
        }
        return resumed;
    }

    /// <summary>The checkpoint's schedules, parsed.</summary>
    /// <exception cref="CheckpointException">A name or text that does not parse.</exception>
    public Dictionary<HyperParameter, Sched> Schedules(FitMeta fit)
    {
        var saved = new Dictionary<HyperParameter, Sched>();
        foreach (var (name, text) in fit.Schedules)
        {
            if (AdaptiveSched.IsAdaptiveText(text))
            {
                continue; // compared as text by ForFit, and its state checked by AdaptiveStates
            }
            try
            {
                saved[HyperParameterNames.Parse(name)] = Sched.Parse(text);
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw new CheckpointException($"{Path} is damaged: its {name} schedule `{text}` does not parse: {e.Message}", e);
            }
        }
        return saved;
    }

    /// <summary>The clock of the checkpoint's fit, checked against its progress.</summary>
    /// <exception cref="CheckpointException">The progress is past the fit's total (a crafted or damaged header).</exception>
    public FitClock ClockOf(FitMeta fit, IReadOnlyList<int>? batchSizes)
    {
        var clock = fit.FitClockOf(batchSizes);
        var done = clock.Done(fit.Progress);
        return done <= clock.Total
            ? clock
            : throw new CheckpointException($"{Path} is damaged: it has done {done} {clock.Unit.ToString().ToLowerInvariant()} of a fit of {clock.Total}");
    }

    /// <summary>
    /// The adaptive learning rate's fold states the checkpoint holds, checked against the fit's schedule; null when its
    /// learning rate is planned.
    /// </summary>
    private AdaptiveState[]? AdaptiveStates(FitPlan plan, FitMeta fit)
    {
        if (plan.Schedules.GetValueOrDefault(HyperParameter.LearningRate) is not AdaptiveView view)
        {
            return null;
        }
        if (plan.Epochs != fit.Epochs)
        {
            throw new CheckpointException($"{Path} is of a fit of {fit.Epochs} epochs with the adaptive schedule {view}; an adaptive fit is not re-planned: resume it with {fit.Epochs} epochs");
        }
        var groups = view.Cell.Groups;
        if (fit.Adaptive is not { } rows || rows.Count != groups.Length)
        {
            throw new CheckpointException($"{Path} is damaged: it holds {fit.Adaptive?.Count ?? 0} states of its adaptive schedule {view}, which needs {groups.Length}");
        }
        try
        {
            return [.. rows.Select((row, g) => AdaptiveState.Restore(groups[g], row.Observations, row.Rules))];
        }
        catch (ArgumentException e)
        {
            throw new CheckpointException($"{Path} is damaged: the state of its adaptive schedule {view}: {e.Message}", e);
        }
    }

    /// <summary>The schedule a fit was planned with, as text: <paramref name="text"/> itself, or the source of the re-plans around it.</summary>
    public static string Planned(string text)
    {
        try
        {
            var sched = Sched.Parse(text);
            while (sched is ReplanSched replan)
            {
                sched = replan.Source;
            }
            return sched.ToString();
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return text;
        }
    }

    /// <summary>
    /// The checkpoint's schedules re-planned from its fit's length to <paramref name="plan"/>'s by the learner's
    /// <see cref="Learner.ReplanPolicy"/>, in the clock's units: every unit before the checkpoint keeps its value bit for
    /// bit, and the rest follows without a jump.
    /// </summary>
    /// <exception cref="CheckpointException">The new length is shorter than what was trained, or the policy cannot apply to a schedule.</exception>
    private Dictionary<HyperParameter, Sched> Replanned(Learner learner, FitPlan plan, FitMeta fit, Dictionary<HyperParameter, Sched> saved)
    {
        var sizes = learner.Train.BatchSizes;
        var before = ClockOf(fit, sizes);
        var after = FitClock.For(plan.Clock, plan.Epochs, checked(plan.Epochs * learner.Train.Count), fit.BatchCount, sizes, fit.Accumulate, fit.TokensPerEpoch);
        var done = before.Done(fit.Progress);
        if (after.Total < done || fit.Step > (long)plan.Epochs * learner.Train.Count)
        {
            var unit = fit.ClockUnit.ToString().ToLowerInvariant();
            throw new CheckpointException($"{Path} has trained {done} {unit} (epoch {fit.Step / fit.BatchCount + 1} of {fit.Epochs}); a fit of {plan.Epochs} epochs has {after.Total}: resume with at least {(fit.Step + fit.BatchCount - 1) / fit.BatchCount} epochs");
        }
        var policy = learner.ReplanPolicy;
        return saved.ToDictionary(kv => kv.Key, kv => Replanned(kv.Key, kv.Value, policy, before.Total, done, after.Total, plan.Epochs, fit.Epochs));
    }

    /// <summary>One schedule re-planned by <paramref name="policy"/>, or a <see cref="CheckpointException"/> saying why it cannot be.</summary>
    private Sched Replanned(HyperParameter hyper, Sched sched, ReplanPolicy policy, long planned, long done, long total, int epochs, int plannedEpochs)
    {
        try
        {
            return sched.Replan(planned, done, total, policy);
        }
        catch (SchedArgumentException e)
        {
            throw new CheckpointException($"{Path} cannot resume a {plannedEpochs}-epoch fit as {epochs} epochs with Learner.ReplanPolicy = {policy}: its {hyper.FastaiName()} schedule refuses it: {e.Message}; use ReplanPolicy.Stretch (any schedule), or resume with {plannedEpochs} epochs", e);
        }
    }

    /// <summary>Checks the model's tensors: same names, same shapes.</summary>
    public void CheckModel(nn.Module model)
    {
        var ours = model.state_dict();
        var theirs = Meta.Tensors.ToDictionary(t => t.Name, t => t.Shape);
        // A shape that differs says more than a name that is missing, so report those first.
        foreach (var (name, shape) in theirs)
        {
            if (ours.TryGetValue(name, out var tensor) && Shape(tensor.shape) != Shape(shape))
            {
                throw new CheckpointException($"{Path} holds another model: tensor '{name}' is {Shape(shape)} there and {Shape(tensor.shape)} in this model");
            }
        }
        var missing = theirs.Keys.Except(ours.Keys).Order(StringComparer.Ordinal).ToList();
        var extra = ours.Keys.Except(theirs.Keys).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            throw new CheckpointException($"{Path} holds another model: tensors only there: [{string.Join(", ", missing)}]; only in this model: [{string.Join(", ", extra)}]");
        }
        if (Meta.RequiresGrad.Count != model.parameters().Count())
        {
            throw new CheckpointException($"{Path} holds another model: {Meta.RequiresGrad.Count} parameters there, {model.parameters().Count()} here");
        }
    }

    /// <summary>
    /// Writes model, optimizer, RNG and fit state into the learner and <paramref name="context"/> (whose recorder is not
    /// yet the learner's); on any failure restores what was there. Call <see cref="ForFit"/> first.
    /// </summary>
    public void RestoreFit(Learner learner, FitContext context)
    {
        var fit = Meta.Fit ?? throw new InvalidOperationException("RestoreFit needs a checkpoint taken during a fit (ForFit checks it)");
        Restore(learner, withOptimizer: true, () =>
        {
            // Nothing here can fail on the file's content: ForFit checked the RNG bytes, the scales and the rows.
            RngState.Restore(_rng);
            context.Smooth.Restore(fit.SmoothRaw, fit.SmoothCount);
            context.Progress = fit.Progress;
            context.Recorder.RestoreUpdates(fit.Progress);
            var applier = (HyperApplier)context.Runner.Applier;
            for (var g = 0; g < applier.GroupCount; g++)
            {
                applier.ScaleLr(g, fit.LrScale[g]);
            }
            if (_adaptive is not null && applier.Schedules[HyperParameter.LearningRate] is AdaptiveView view)
            {
                _adaptive.CopyTo(view.Cell.States, 0);
            }
            // A fit stopped mid-epoch (RequestStop) validates and writes a row for the epoch it left unfinished; the
            // resumed fit trains the rest of that epoch and writes its row then, so only finished epochs come back.
            var finished = fit.Step / fit.BatchCount;
            context.Recorder.RestoreEpochs(fit.Rows.Where(r => r.Epoch < finished).Select(r => r.ToResult()));
        });
    }

    /// <summary>
    /// Writes model (and optimizer) state into the learner; on any failure restores what was there. The optimizer's
    /// options (learning rate, betas, eps, weight decay) are settings, not state: they stay as they are.
    /// </summary>
    public void Restore(Learner learner, bool withOptimizer, Action? more = null)
    {
        CheckModel(learner.Model);
        using var model = ModelSection.Read(Path, _model, learner.Model);
        var optimizer = withOptimizer && Meta.Optimizer is not null ? CheckOptimizer(learner.CreateOptimizer()) : null;
        if (optimizer is not null)
        {
            OptimizerSection.CheckHead(Path, _optimizer, optimizer);
        }
        using var snapshot = TrainingSnapshot.Capture(learner.Model, optimizer);
        var rng = more is null ? null : RngState.Capture();
        try
        {
            model.WriteInto();
            var g = 0;
            foreach (var p in learner.Model.parameters())
            {
                p.requires_grad = Meta.RequiresGrad[g++];
            }
            if (optimizer is not null)
            {
                OptimizerSection.Load(Path, _optimizer, optimizer, learner.Model);
            }
            more?.Invoke();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            snapshot.Restore();
            if (rng is not null)
            {
                RngState.Restore(rng);
            }
            throw e as CheckpointException ?? new CheckpointException($"{Path} could not be loaded, and the learner was left as it was: {e.Message}", e);
        }
    }

    private OptimizerHelper CheckOptimizer(optim.Optimizer optimizer)
    {
        var name = optimizer.GetType().Name;
        if (Meta.Optimizer != name)
        {
            throw new CheckpointException($"{Path} holds {Meta.Optimizer ?? "no"} optimizer state; this learner's optimizer is {name}");
        }
        var groups = optimizer.ParamGroups.Count();
        if (Meta.ParamGroups != groups)
        {
            throw new CheckpointException($"{Path} holds {Meta.ParamGroups} optimizer param groups; this learner's optimizer has {groups} (another splitter or bn_wd setting?)");
        }
        return optimizer as OptimizerHelper ?? throw new CheckpointException($"{name} is not a TorchSharp managed optimizer; its state cannot be loaded");
    }

    private void Differ(string what, long saved, long here)
    {
        if (saved != here)
        {
            throw new CheckpointException($"{Path} belongs to another fit: {what} {saved} there, {here} in this fit");
        }
    }

    private static FitMeta FitMetaOf(FitContext context, int step)
    {
        var applier = (HyperApplier)context.Runner.Applier;
        var progress = context.Progress;
        return new FitMeta(step, context.Runner.TotalSteps, context.EpochCount, context.BatchCount, Texts(applier.Schedules),
            context.Smooth.Raw, context.Smooth.Count, Enumerable.Range(0, applier.GroupCount).Select(applier.LrScale).ToList(),
            context.Recorder.Epochs.Select(EpochRow.From).ToList(), context.Clock.ToString().ToLowerInvariant(), context.Learner.AccumulateSamples,
            progress.Updates, progress.Samples, progress.PendingSamples, progress.SkippedUpdates, progress.Tokens, context.FitClock.TokensPerEpoch,
            context.ClockTotal,
            applier.Schedules.GetValueOrDefault(HyperParameter.LearningRate) is AdaptiveView view
                ? [.. view.Cell.States.Select(state => new AdaptiveRow(state.Observations, [.. state.Rules]))]
                : null);
    }

    private static Dictionary<string, string> Texts(IReadOnlyDictionary<HyperParameter, Sched> schedules) =>
        schedules.ToDictionary(kv => kv.Key.FastaiName(), kv => kv.Value.ToString());

    private static string Shape(long[] shape) => $"[{string.Join(", ", shape)}]";

    private static byte[] Bytes(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            write(writer);
        }
        return stream.ToArray();
    }
}
