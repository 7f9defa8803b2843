using System.Globalization;

namespace SchedDsl.Plotting;

/// <summary>
/// Parameter groups whose curves are equal drawn once, under one legend entry ("groups 0–2"): a schedule that is the
/// same for every group otherwise lists each group and draws the lines over each other.
/// </summary>
internal static class GroupCurves
{
    /// <summary>The distinct curves in order of their first group, each with the legend label of all its groups.</summary>
    /// <remarks>Equal means the same doubles (NaN equal to NaN): recorded or computed copies of one schedule are.</remarks>
    public static IReadOnlyList<(string Label, double[] Values)> Merge(IReadOnlyList<double[]> groups)
    {
        var distinct = new List<(List<int> Groups, double[] Values)>();
        for (var g = 0; g < groups.Count; g++)
        {
            var same = distinct.FindIndex(curve => curve.Values.AsSpan().SequenceEqual(groups[g]));
            if (same >= 0)
            {
                distinct[same].Groups.Add(g);
            }
            else
            {
                distinct.Add(([g], groups[g]));
            }
        }
        return distinct.ConvertAll(curve => (Label(curve.Groups), curve.Values));
    }

    /// <summary>"group 1", "groups 0, 1", "groups 0–2", "groups 0–2, 4": runs of three or more consecutive groups as ranges.</summary>
    public static string Label(IReadOnlyList<int> groups)
    {
        if (groups.Count == 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"group {groups[0]}");
        }
        var runs = new List<string>();
        for (var start = 0; start < groups.Count;)
        {
            var end = start;
            while (end + 1 < groups.Count && groups[end + 1] == groups[end] + 1)
            {
                end++;
            }
            if (end - start >= 2)
            {
                runs.Add(string.Create(CultureInfo.InvariantCulture, $"{groups[start]}\u2013{groups[end]}"));
                start = end + 1;
            }
            else
            {
                runs.Add(groups[start].ToString(CultureInfo.InvariantCulture));
                start++;
            }
        }
        return "groups " + string.Join(", ", runs);
    }
}
