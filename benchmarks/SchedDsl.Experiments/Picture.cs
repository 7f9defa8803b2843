using ScottPlot;
using SkiaSharp;

namespace SchedDsl.Experiments;

/// <summary>Writes plots stacked top to bottom into one PNG. TEMPORARY until the library's public saver is merged.</summary>
internal static class Picture
{
    public static void Save(string path, IReadOnlyList<Plot> panels, int width, int panelHeight)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, panelHeight * panels.Count));
        surface.Canvas.Clear(SKColors.White);
        for (var i = 0; i < panels.Count; i++)
        {
            using var bitmap = SKBitmap.Decode(panels[i].GetImageBytes(width, panelHeight, ImageFormat.Png));
            surface.Canvas.DrawBitmap(bitmap, 0, i * panelHeight);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        data.SaveTo(file);
    }

    /// <summary>Ticks of a log10 axis read as learning rates (1e-3, not -3).</summary>
    public static void LogTicks(IAxis axis) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = x => Formats.Lr(Math.Pow(10, x)),
        };

    /// <summary>The colour of series <paramref name="index"/>, the same in every panel of a picture.</summary>
    public static Color Color(int index) => new ScottPlot.Palettes.Category10().GetColor(index);
}
