using ScottPlot;
using SkiaSharp;

namespace SchedDsl.Torch;

/// <summary>Renders ScottPlot plots stacked vertically into one PNG file.</summary>
internal static class PanelImage
{
    public static void SavePng(string path, IReadOnlyList<Plot> panels, int width, int panelHeight)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (width < 50 || panelHeight < 50)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"width and panelHeight must be >= 50 pixels, got {width} x {panelHeight}");
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        using var surface = SKSurface.Create(new SKImageInfo(width, panelHeight * panels.Count))
            ?? throw new InvalidOperationException($"SkiaSharp could not create a {width} x {panelHeight * panels.Count} surface");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        for (var i = 0; i < panels.Count; i++)
        {
            // Each plot renders alone (a plot clears the whole canvas it is given), then is drawn at its offset.
            using var bitmap = SKBitmap.Decode(panels[i].GetImageBytes(width, panelHeight, ImageFormat.Png));
            canvas.DrawBitmap(bitmap, 0, i * panelHeight);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        data.SaveTo(file);
    }
}
