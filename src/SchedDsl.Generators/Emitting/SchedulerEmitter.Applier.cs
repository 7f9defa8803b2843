using SchedDsl.Generators.Model;

namespace SchedDsl.Generators.Emitting;

/// <summary>The optimizer-only members: <c>Bind</c> and the nested applier writing options with direct member access.</summary>
internal static partial class SchedulerEmitter
{
    private static void WriteBind(IndentedWriter w, SchedulerModel model)
    {
        var optimizer = model.Optimizer!;
        w.Line("/// <inheritdoc />");
        w.Line(GeneratedCode);
        w.Open("public global::SchedDsl.Generation.IScheduleApplier Bind(" + optimizer.OptimizerType + " optimizer)");
        w.Open("if (optimizer is null)");
        w.Line("throw new global::System.ArgumentNullException(nameof(optimizer));");
        w.Close();
        w.Line("var options = new global::System.Collections.Generic.List<" + optimizer.OptionsType + ">();");
        w.Open("foreach (var group in optimizer.ParamGroups)");
        var read = "((" + optimizer.GroupType + ")group).Options";
        w.Line("options.Add(" + (optimizer.OptionsNeedsCast ? "(" + optimizer.OptionsType + ")" + read : read) + ");");
        w.Close();
        w.Line("Validate(options.Count);");
        w.Line("return new Applier(this, options.ToArray());");
        w.Close();
        w.Line();
    }

    private static void WriteApplier(IndentedWriter w, SchedulerModel model)
    {
        var optimizer = model.Optimizer!;
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Writes the bound schedules into cached options objects. A schedule with one value for every group is evaluated");
        w.Line("/// once per call; a per-group schedule was resolved per group by <c>Bind</c>.");
        w.Line("/// </summary>");
        w.Line(GeneratedCode);
        w.Open("private sealed class Applier : global::SchedDsl.Generation.IScheduleApplier");
        w.Line("private readonly " + optimizer.OptionsType + "[] _options;");
        foreach (var hyper in model.Hypers)
        {
            w.Line("private readonly " + Sched + "? " + Shared(hyper) + ";");
            w.Line("private readonly " + Sched + "[]? " + Field(hyper) + ";");
        }
        w.Line();
        w.Open("public Applier(" + model.Type.Name + " scheduler, " + optimizer.OptionsType + "[] options)");
        w.Line("_options = options;");
        foreach (var hyper in model.Hypers)
        {
            w.Line("(" + Shared(hyper) + ", " + Field(hyper) + ") = " + Support + ".Bind(scheduler." + hyper.PropertyName + ", options.Length);");
        }
        w.Close();
        w.Line();
        w.Line("public int GroupCount => _options.Length;");
        w.Line();
        w.Open("public void Apply(double pos)");
        w.Line("var options = _options;");
        foreach (var hyper in model.Hypers)
        {
            var local = Camel(hyper.PropertyName);
            w.Open("if (" + Shared(hyper) + " is { } " + local + "Sched)");
            w.Line("var value = " + local + "Sched.At(pos);");
            w.Open("for (var g = 0; g < options.Length; g++)");
            w.Line("options[g]." + hyper.TargetMember + " = value;");
            w.Close();
            w.Close();
            w.Open("else if (" + Field(hyper) + " is { } " + local + "Groups)");
            w.Open("for (var g = 0; g < options.Length; g++)");
            w.Line("options[g]." + hyper.TargetMember + " = " + local + "Groups[g].At(pos);");
            w.Close();
            w.Close();
        }
        w.Close();
        w.Close();
    }

    private static string Shared(HyperModel hyper) => "_" + Camel(hyper.PropertyName);

    private static string Field(HyperModel hyper) => "_" + Camel(hyper.PropertyName) + "Groups";

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);
}
