using System.Globalization;
using System.Xml.Linq;
using ScottPlot;
using SkiaSharp;

namespace SchedDsl.Plotting;

/// <summary>Writes plots, stacked vertically, to one image file in the format its extension names.</summary>
internal static class PlotFile
{
    private const int MinPixels = 50;
    private const int JpegQuality = 90;

    /// <summary>The format <paramref name="path"/>'s extension names (see <see cref="PlotFormat"/>).</summary>
    /// <exception cref="ArgumentException">The extension names no format this writes.</exception>
    public static PlotFormat FormatOf(string path) =>
        FormatOfExtension(path) ?? throw new ArgumentException(
            $"cannot tell the image format of '{path}' from its extension: use .png, .svg, .jpg or .jpeg", nameof(path));

    /// <summary>Draws the panels one below the other, in the embedded font, with their data areas aligned.</summary>
    /// <param name="path">The file to write; its folder is created.</param>
    /// <param name="panels">The plots, top to bottom.</param>
    /// <param name="width">The image width in pixels.</param>
    /// <param name="panelHeight">Each panel's height in pixels.</param>
    /// <param name="format">The format; null to take it from the extension. Given, it must agree with a known extension.</param>
    /// <exception cref="ArgumentException">An empty path, a size under 50 pixels, or a format the extension contradicts or does not name.</exception>
    public static void Save(string path, IReadOnlyList<Plot> panels, int width, int panelHeight, PlotFormat? format = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (width < MinPixels || panelHeight < MinPixels)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"width and height must be >= {MinPixels} pixels, got {width} x {panelHeight}");
        }
        var chosen = Check(path, format);
        foreach (var panel in panels)
        {
            PlotFont.Apply(panel);
        }
        PanelLayout.AlignDataAreas(panels, width, panelHeight);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        if (chosen == PlotFormat.Svg)
        {
            File.WriteAllText(path, Svg(panels, width, panelHeight));
        }
        else
        {
            WriteBitmap(path, panels, width, panelHeight, chosen == PlotFormat.Png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg);
        }
    }

    private static PlotFormat Check(string path, PlotFormat? format)
    {
        if (format is not { } given)
        {
            return FormatOf(path);
        }
        if (!Enum.IsDefined(given))
        {
            throw new ArgumentOutOfRangeException(nameof(format), given, $"format must be one of {string.Join(", ", Enum.GetNames<PlotFormat>())}, got {given}");
        }
        return FormatOfExtension(path) is { } named && named != given
            ? throw new ArgumentException($"the format {Name(given)} does not match the extension of '{path}', which names {Name(named)}", nameof(format))
            : given;
    }

    private static string Name(PlotFormat format) => format.ToString().ToLowerInvariant();

    private static PlotFormat? FormatOfExtension(string path) =>
        Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".PNG" => PlotFormat.Png,
            ".SVG" => PlotFormat.Svg,
            ".JPG" or ".JPEG" => PlotFormat.Jpeg,
            _ => null,
        };

    private static void WriteBitmap(string path, IReadOnlyList<Plot> panels, int width, int panelHeight, SKEncodedImageFormat format)
    {
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
        using var data = image.Encode(format, format == SKEncodedImageFormat.Jpeg ? JpegQuality : 100);
        using var file = File.Create(path);
        data.SaveTo(file);
    }

    /// <summary>One SVG holding each panel's SVG as a nested <c>svg</c> element at its offset.</summary>
    private static string Svg(IReadOnlyList<Plot> panels, int width, int panelHeight)
    {
        if (panels.Count == 1)
        {
            return panels[0].GetSvgXml(width, panelHeight);
        }
        XNamespace svg = "http://www.w3.org/2000/svg";
        var height = panelHeight * panels.Count;
        var root = new XElement(svg + "svg",
            new XAttribute("width", width),
            new XAttribute("height", height),
            new XAttribute("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {width} {height}")));
        for (var i = 0; i < panels.Count; i++)
        {
            var panel = XElement.Parse(panels[i].GetSvgXml(width, panelHeight));
            panel.SetAttributeValue("x", 0);
            panel.SetAttributeValue("y", i * panelHeight);
            root.Add(panel);
        }
        return root.ToString(SaveOptions.DisableFormatting);
    }
}
