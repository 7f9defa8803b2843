namespace SchedDsl.Testing.Inspection;

/// <summary>
/// The functions whose joins are continuous by definition (docs/schedules.md, docs/zoo.md): each part starts where
/// the previous one ended. Not here: <c>combine</c> (its parts are the user's), restarts (<c>sgdr</c>,
/// <c>sgdr_decay</c>, <c>cosine_restarts</c>), staircases (<c>step_decay</c>, <c>multi_step</c>,
/// <c>piecewise_constant</c>, <c>exponential_decay_staircase</c>) and <c>cyclic</c>/<c>cyclic_momentum</c>, which
/// jump back at every cycle when <c>pct_up</c> is 0 or 1 (a sawtooth).
/// </summary>
/// <remarks>A promise is a fact about a function, not a declaration in the table: a new function is held to none until it is listed here.</remarks>
internal static class ContinuousFunctions
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "combined_cos", "one_cycle", "flat_cos", "lr_finder",
        "warmup_cosine", "warmup_linear", "wsd", "wsd_linear", "one_cycle_3phase", "one_cycle_3phase_momentum",
        "exponential_decay", "poly_decay", "inverse_sqrt",
        "wsd_sqrt", "warmup_log",
    };
}
