using System.ComponentModel;
using System.Text;

namespace SchedDsl.Generation;

/// <summary>
/// Helpers called by code the SchedDsl source generator emits; not meant to be called by hand.
/// </summary>
/// <remarks>Thread-safety: stateless; every member is safe to call from any thread.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedSupport
{
    /// <summary>
    /// Prepares one hyper-parameter for an applier, once at bind time: a schedule with the same value for every group
    /// comes back as <c>Shared</c> (evaluated once per batch); a per-group one as <c>PerGroup</c>, resolved for each of
    /// <paramref name="groupCount"/> groups; an unset one as two nulls.
    /// </summary>
    /// <exception cref="ArgumentException">A per-group list whose length differs from <paramref name="groupCount"/>.</exception>
    public static (Sched? Shared, Sched[]? PerGroup) Bind(Sched? sched, int groupCount) =>
        sched switch
        {
            null => (null, null),
            { IsPerGroup: false } => (sched, null),
            _ => (null, [.. sched.ForGroups(groupCount)]),
        };

    /// <summary>Checks one hyper-parameter: set when <paramref name="required"/>, and resolvable for <paramref name="groupCount"/> groups.</summary>
    /// <exception cref="ArgumentException">The message names the hyper-parameter and the problem.</exception>
    public static void Validate(string name, Sched? sched, bool required, int groupCount)
    {
        if (sched is null)
        {
            if (required)
            {
                throw new ArgumentException($"hyper-parameter '{name}' has no schedule; it is required", name);
            }
            return;
        }
        try
        {
            _ = sched.ForGroups(groupCount);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"hyper-parameter '{name}': {e.Message}", name, e);
        }
    }

    /// <summary>The text form of a set: <c>name=schedule</c> pairs joined by <c>"; "</c>, skipping unset ones.</summary>
    public static string ToText(IReadOnlyList<string> names, params Sched?[] scheds)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(scheds);
        var builder = new StringBuilder();
        for (var i = 0; i < scheds.Length; i++)
        {
            if (scheds[i] is not { } sched)
            {
                continue;
            }
            if (builder.Length > 0)
            {
                builder.Append("; ");
            }
            builder.Append(names[i]).Append('=').Append(sched);
        }
        return builder.ToString();
    }
}
