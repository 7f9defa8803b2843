#nullable enable
#if NETSTANDARD2_0
using System;
using System.Collections.Generic;
using System.Linq;
#endif

namespace SchedDsl.Text;

/// <summary>The known name a misspelt one most likely meant, for "did you mean" hints.</summary>
internal static class ClosestName
{
    /// <summary>
    /// The known name at the smallest edit distance from <paramref name="name"/> (a name that starts the other, as
    /// <c>cos</c> starts <c>cosine</c>, counts as distance 1; ties go to the shorter, then the alphabetically first);
    /// null when even that one differs in more than half the letters (at least 2 edits are always allowed).
    /// </summary>
    public static string? Find(string name, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known.OrderBy(k => k.Length).ThenBy(k => k, StringComparer.Ordinal))
        {
            var distance = Prefixed(name, candidate) ? 1 : Distance(name, candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }
        return bestDistance <= Math.Max(2, name.Length / 2) ? best : null;
    }

    private static bool Prefixed(string a, string b) =>
        a.Length > 0 && b.Length > 0 && (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal));

    // Levenshtein distance, two rows.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
