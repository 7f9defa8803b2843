using ScottPlot;

namespace SchedDsl.Experiments;

/// <summary>The pictures' shared choices: one colour per arm in every panel.</summary>
internal static class Picture
{
    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    /// <summary>The colour of series <paramref name="index"/>, the same in every panel of a picture.</summary>
    public static Color Color(int index) => Palette.GetColor(index);
}
