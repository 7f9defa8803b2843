using Microsoft.CodeAnalysis;

namespace SchedDsl.Generators;

/// <summary>
/// Every diagnostic the generator reports. Ids are stable; each is explained in docs/generator.md under its id. None
/// carries a help link: the project has no published docs site, and a placeholder link would lead nowhere.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "SchedDsl.Generators";
    public static readonly DiagnosticDescriptor TypeNotPartial = new(
        id: "SDSL001",
        title: "Scheduler type must be partial",
        messageFormat: "The type '{0}' must be declared partial, with every containing type, for SchedDsl to generate its scheduler",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedMemberType = new(
        id: "SDSL002",
        title: "Unsupported hyper-parameter member",
        messageFormat: "The hyper-parameter '{0}' has type '{1}'; a hyper-parameter must be an instance property of type SchedDsl.Sched",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownHyperParameter = new(
        id: "SDSL003",
        title: "Unknown hyper-parameter for the optimizer",
        messageFormat: "The optimizer '{0}' has no hyper-parameter '{1}'; it has {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidScheduleText = new(
        id: "SDSL004",
        title: "Invalid schedule text",
        messageFormat: "Invalid schedule text: {0}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GroupCountMismatch = new(
        id: "SDSL005",
        title: "Per-group list length contradicts the declared group count",
        messageFormat: "The per-group list {0} has {1} values but {2} parameter groups are declared",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedOptimizer = new(
        id: "SDSL006",
        title: "Optimizer type has no per-group options",
        messageFormat: "The optimizer '{0}' has no parameter-group type with an 'Options' property holding double hyper-parameters, or no 'ParamGroups' property to enumerate its groups",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SchedTextNotPartialProperty = new(
        id: "SDSL007",
        title: "Schedule text needs a partial Sched property",
        messageFormat: "[SchedText] on '{0}' needs a partial property declaration of type SchedDsl.Sched in a partial type, with a getter and no body",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);
}
