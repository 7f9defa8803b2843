using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SchedDsl.Core.Tests.Reference;
using SchedDsl.LrFinding;

namespace SchedDsl.Core.Tests.LrFinding;

/// <summary>
/// The LR-finder curves of tests/reference/fastai_reference.json (<c>lr_find_curves</c>): fastai's suggestion
/// functions ported verbatim and run by PyTorch 1.13 on torch.float32 tensors (as fastai does) and float64 tensors.
/// </summary>
internal static class ReferenceCurves
{
    public static readonly JsonNode Curves = ReferenceData.Load("fastai_reference.json")["lr_find_curves"]!;

    public static IEnumerable<string> Names => Curves.AsObject().Select(p => p.Key);

    public static (double[] Lrs, double[] Losses, int NumIt) Curve(string name)
    {
        var curve = Curves[name]!;
        return (ReferenceData.Doubles(curve["lrs"]), ReferenceData.Doubles(curve["losses"]), curve["num_it"]!.GetValue<int>());
    }

    public static Range TrimmedRange(string name)
    {
        var range = Curves[name]!["lr_find_trimmed_range"]!.AsArray();
        return range[0]!.GetValue<int>()..range[1]!.GetValue<int>();
    }

    /// <summary>fastai's result for one method: the lr and point, or the error it raised.</summary>
    /// <param name="name">The curve.</param>
    /// <param name="set">raw_suggestions_float64, lr_find_suggestions_float32, …</param>
    /// <param name="method">valley, slide, minimum or steep.</param>
    public static Expected Suggestion(string name, string set, string method)
    {
        var entry = Curves[name]![set]![method]!;
        if (entry["error"] is { } error)
        {
            return new Expected(double.NaN, double.NaN, double.NaN, error.GetValue<string>());
        }
        var point = ReferenceData.Doubles(entry["point"]);
        return new Expected(Number(entry["lr"]!), point[0], point[1], null);
    }

    // The script writes NaN as the string "NaN".
    private static double Number(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.String ? double.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture) : node.GetValue<double>();

    public static string FastaiName(LrSuggestionMethod method) => method.ToString().ToLowerInvariant();

    /// <summary>The index of the lr nearest <paramref name="lr"/> in log space (how a float32 lr maps back to a point).</summary>
    public static int IndexOf(double[] lrs, double lr) =>
        Enumerable.Range(0, lrs.Length).MinBy(i => Math.Abs(Math.Log(lrs[i]) - Math.Log(lr)));

    internal sealed record Expected(double Lr, double PointLr, double PointLoss, string? Error);
}
