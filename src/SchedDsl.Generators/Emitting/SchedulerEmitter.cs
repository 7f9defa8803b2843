using System.Linq;
using SchedDsl.Generators.Model;

namespace SchedDsl.Generators.Emitting;

/// <summary>Writes the source completing one scheduler type. The optimizer-only members live in the Applier part.</summary>
internal static partial class SchedulerEmitter
{
    internal const string GeneratedCode =
        "[global::System.CodeDom.Compiler.GeneratedCode(\"SchedDsl.Generators\", \"" + GeneratorVersion + "\")]";

    internal const string GeneratorVersion = "0.1.0";

    private const string Sched = "global::SchedDsl.Sched";
    private const string Support = "global::SchedDsl.Generation.GeneratedSupport";

    public static string Emit(SchedulerModel model)
    {
        var w = new IndentedWriter();
        w.BeginFile(model.Namespace, model.Containers);
        var contract = model.Optimizer is { } optimizer
            ? "global::SchedDsl.Generation.IOptimizerScheduler<" + optimizer.OptimizerType + ">"
            : "global::SchedDsl.Generation.IHyperScheduler";
        w.Open("partial " + model.Type.Keyword + " " + model.Type.Name + " : " + contract);
        WriteNames(w, model);
        WriteProperties(w, model);
        WriteEvaluation(w, model);
        WriteValidation(w, model);
        if (model.Optimizer is not null)
        {
            WriteBind(w, model);
        }
        WriteValues(w, model);
        if (model.Optimizer is not null)
        {
            WriteApplier(w, model);
        }
        return w.EndFile();
    }

    private static void WriteNames(IndentedWriter w, SchedulerModel model)
    {
        var names = string.Join(", ", model.Hypers.Select(h => "\"" + h.TextName + "\""));
        w.Line(GeneratedCode);
        w.Line("private static readonly global::System.Collections.Generic.IReadOnlyList<string> s_names =");
        w.Line("    global::System.Array.AsReadOnly(new string[] { " + names + " });");
        w.Line();
    }

    private static void WriteProperties(IndentedWriter w, SchedulerModel model)
    {
        if (model.Optimizer is not { } optimizer)
        {
            return;
        }
        foreach (var hyper in model.Hypers.Where(h => !h.IsDeclared))
        {
            w.Line("/// <summary>");
            w.Line("/// The schedule of <c>" + optimizer.DisplayName + "</c>'s <c>" + hyper.TargetMember + "</c> (text name <c>" + hyper.TextName + "</c>);");
            w.Line("/// <see langword=\"null\"/> leaves the optimizer's value unchanged.");
            w.Line("/// </summary>");
            w.Line(GeneratedCode);
            w.Line("public " + Sched + "? " + hyper.PropertyName + " { get; init; }");
            w.Line();
        }
    }

    private static void WriteEvaluation(IndentedWriter w, SchedulerModel model)
    {
        w.Line("/// <inheritdoc />");
        w.Line(GeneratedCode);
        w.Line("public global::System.Collections.Generic.IReadOnlyList<string> Names => s_names;");
        w.Line();
        var perGroup = model.Hypers.IsEmpty
            ? "false"
            : string.Join(" || ", model.Hypers.Select(h => h.IsRequired ? h.PropertyName + ".IsPerGroup" : "(" + h.PropertyName + "?.IsPerGroup ?? false)"));
        w.Line("/// <inheritdoc />");
        w.Line(GeneratedCode);
        w.Line("public bool IsPerGroup => " + perGroup + ";");
        w.Line();
        w.Line("/// <summary>Every hyper-parameter's value at <paramref name=\"pos\"/>; allocates nothing.</summary>");
        w.Line("/// <param name=\"pos\">Training progress in [0, 1].</param>");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"pos\"/> is outside [0, 1].</exception>");
        w.Line("/// <exception cref=\"global::System.InvalidOperationException\">A schedule has per-group values; use the group overload.</exception>");
        w.Line(GeneratedCode);
        w.Line("public Values At(double pos) => new Values(" + string.Join(", ", model.Hypers.Select(h => Access(h) + ".At(pos)")) + ");");
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Every hyper-parameter's value at <paramref name=\"pos\"/> for group <paramref name=\"group\"/> of <paramref name=\"groupCount\"/>.");
        w.Line("/// Resolves per-group schedules on each call, which allocates; a training loop binds once instead.");
        w.Line("/// </summary>");
        w.Line(GeneratedCode);
        w.Line("public Values At(double pos, int group, int groupCount) => new Values(" +
            string.Join(", ", model.Hypers.Select(h => Access(h) + ".ForGroups(groupCount)[group].At(pos)")) + ");");
        w.Line();
    }

    private static void WriteValidation(IndentedWriter w, SchedulerModel model)
    {
        w.Line("/// <inheritdoc />");
        w.Line(GeneratedCode);
        w.Open("public void Validate(int groupCount)");
        foreach (var hyper in model.Hypers)
        {
            w.Line(Support + ".Validate(\"" + hyper.TextName + "\", " + hyper.PropertyName + ", " + (hyper.IsRequired ? "true" : "false") + ", groupCount);");
        }
        w.Close();
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line(GeneratedCode);
        var scheds = model.Hypers.IsEmpty ? string.Empty : ", " + string.Join(", ", model.Hypers.Select(h => h.PropertyName));
        w.Line("public string ToText() => " + Support + ".ToText(s_names" + scheds + ");");
        w.Line();
    }

    private static void WriteValues(IndentedWriter w, SchedulerModel model)
    {
        var fields = string.Join(", ", model.Hypers.Select(h => (h.IsRequired ? "double " : "double? ") + h.PropertyName));
        w.Line("/// <summary>The value of every hyper-parameter at one position" +
            (model.Optimizer is null ? "." : "; <see langword=\"null\"/> where none is scheduled.") + "</summary>");
        w.Line(GeneratedCode);
        w.Line("public readonly record struct Values(" + fields + ");");
    }

    private static string Access(HyperModel hyper) => hyper.IsRequired ? hyper.PropertyName : hyper.PropertyName + "?";
}
