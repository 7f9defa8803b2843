namespace SchedDsl.Parsing;

internal sealed partial class SchedBuilder
{
    // The schedule zoo's builders (docs/zoo.md); the rows are in Text/FunctionTable.Zoo.cs.
    static partial void AddZoo(Dictionary<string, Func<SchedArgs, Sched>> builders)
    {
        builders["warmup_cosine"] = a => Sched.WarmupCosine(a.Hyper("lr_max"), a.Number("warmup_pct"), a.Number("start_ratio"), a.Number("end_ratio"));
        builders["warmup_linear"] = a => Sched.WarmupLinear(a.Hyper("lr_max"), a.Number("warmup_pct"), a.Number("start_ratio"), a.Number("end_ratio"));
        builders["wsd"] = a => Sched.Wsd(a.Hyper("lr"), a.Number("warmup_pct"), a.Number("decay_pct"), a.Number("min_lr_ratio"));
        builders["wsd_linear"] = a => Sched.WsdLinear(a.Hyper("lr"), a.Number("warmup_pct"), a.Number("decay_pct"), a.Number("min_lr_ratio"));
        builders["one_cycle_3phase"] = a => Sched.OneCycle3Phase(a.Hyper("lr_max"), a.Number("div"), a.Number("final_div"), a.Number("pct_start"));
        builders["one_cycle_3phase_momentum"] = a =>
            Sched.OneCycle3PhaseMomentum(a.Number("base_momentum"), a.Number("max_momentum"), a.Number("pct_start"));
        builders["cyclic"] = a => Sched.Cyclic(
            a.Hyper("base_lr"), a.Hyper("max_lr"), a.Number("cycles"), a.Number("pct_up"), a.Number("cycle_decay"), a.Number("gamma"));
        builders["cyclic_momentum"] = a => Sched.CyclicMomentum(
            a.Hyper("base_momentum"), a.Hyper("max_momentum"), a.Number("cycles"), a.Number("pct_up"), a.Number("cycle_decay"), a.Number("gamma"));
        builders["step_decay"] = a => Sched.StepDecay(a.Hyper("lr"), a.Number("step_pct"), a.Number("gamma"));
        builders["multi_step"] = a => Sched.MultiStep(a.Hyper("lr"), a.Numbers("milestones"), a.Number("gamma"));
        builders["piecewise_constant"] = a => Sched.PiecewiseConstant(a.Hyper("lr"), a.Numbers("boundaries"), a.Numbers("scales"));
        builders["exponential_decay"] = a => Sched.ExponentialDecay(
            a.Hyper("lr"), a.Number("decay_rate"), a.Number("transition_pct"), a.Number("begin_pct"), a.Number("end_ratio"));
        builders["exponential_decay_staircase"] = a => Sched.ExponentialDecayStaircase(
            a.Hyper("lr"), a.Number("decay_rate"), a.Number("transition_pct"), a.Number("begin_pct"), a.Number("end_ratio"));
        builders["poly_decay"] = a => Sched.PolyDecay(a.Hyper("lr"), a.Number("power"), a.Number("end_ratio"), a.Number("warmup_pct"));
        builders["inverse_sqrt"] = a => Sched.InverseSqrt(a.Hyper("lr"), a.Number("warmup_pct"), a.Number("timescale_pct"));
        builders["cosine_restarts"] = a => Sched.CosineRestarts(a.Hyper("lr"), a.Number("cycles"), a.Number("warmup_pct"));
        builders["sgdr_decay"] = a => Sched.SgdrDecay(a.Hyper("lr_max"), a.Integer("n_cycles"), a.Number("cycle_mult"), a.Number("decay"), a.Number("lr_min"));
    }
}
