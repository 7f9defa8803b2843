namespace SchedDsl.Generators.Model;

/// <summary>Everything the emitter needs to complete one scheduler type; value-equatable for incremental caching.</summary>
/// <param name="Namespace">The containing namespace, or empty for the global namespace.</param>
/// <param name="Containers">Enclosing types, outermost first.</param>
/// <param name="Type">The scheduler type itself.</param>
/// <param name="Hypers">Its hyper-parameters in declaration order.</param>
/// <param name="Optimizer">The optimizer it applies to, or null for a plain <c>[HyperScheduler]</c>.</param>
internal sealed record SchedulerModel(
    string Namespace,
    EquatableArray<TypeDeclarationInfo> Containers,
    TypeDeclarationInfo Type,
    EquatableArray<HyperModel> Hypers,
    OptimizerModel? Optimizer)
{
    /// <summary>A file name unique per type: namespace, containers and name, without generic brackets.</summary>
    public string HintName
    {
        get
        {
            var name = Namespace.Length == 0 ? string.Empty : Namespace + ".";
            foreach (var container in Containers)
            {
                name += container.Name + ".";
            }
            name += Type.Name;
            return name.Replace('<', '{').Replace('>', '}') + ".SchedDsl.g.cs";
        }
    }
}
