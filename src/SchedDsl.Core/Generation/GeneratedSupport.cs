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
    /// <summary>One scalar schedule per group (or nulls when <paramref name="sched"/> is null), resolved once at bind time.</summary>
    /// <exception cref="ArgumentException">A per-group list whose length differs from <paramref name="groupCount"/>.</exception>
    public static Sched?[] ResolveGroups(Sched? sched, int groupCount)
    {
        var resolved = new Sched?[groupCount];
        if (sched is not null)
        {
            for (var g = 0; g < groupCount; g++)
            {
                resolved[g] = sched.ForGroup(g, groupCount);
            }
        }
        return resolved;
    }

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
