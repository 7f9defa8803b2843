namespace SchedDsl.Parsing;

/// <summary>fastai's functions: text-form name → public factory (the table's rows are in <c>Text/FunctionTable.cs</c>).</summary>
internal sealed partial class SchedBuilder
{
    private static partial void AddBuiltins(Dictionary<string, Func<SchedArgs, Sched>> builders)
    {
        builders["lin"] = a => Sched.Lin(a.Hyper("start"), a.Hyper("end"));
        builders["cos"] = a => Sched.Cos(a.Hyper("start"), a.Hyper("end"));
        builders["no"] = a => Sched.No(a.Hyper("start"), a.Hyper("end"));
        builders["exp"] = a => Sched.Exp(a.Hyper("start"), a.Hyper("end"));
        builders["poly"] = a => Sched.Poly(a.Hyper("start"), a.Hyper("end"), a.Number("power"));
        builders["combine"] = a => Sched.Combine(a.Numbers("pcts"), a.Scheds);
        builders["combined_cos"] = a => Sched.CombinedCos(a.Number("pct"), a.Hyper("start"), a.Hyper("middle"), a.Hyper("end"));
        builders["one_cycle"] = a => Sched.OneCycle(a.Hyper("lr_max"), a.Number("div"), a.Number("div_final"), a.Number("pct_start"));
        builders["flat_cos"] = a => Sched.FlatCos(a.Hyper("lr"), a.Number("div_final"), a.Number("pct_start"));
        builders["sgdr"] = a => Sched.Sgdr(a.Hyper("lr_max"), a.Integer("n_cycles"), a.Number("cycle_len"), a.Number("cycle_mult"));
        builders["lr_finder"] = a => Sched.LrFinder(a.Number("start_lr"), a.Number("end_lr"));
    }
}
