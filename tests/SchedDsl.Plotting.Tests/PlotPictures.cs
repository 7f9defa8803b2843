using System.Globalization;
using System.Xml.Linq;
using SkiaSharp;
using Xunit;

namespace SchedDsl.Plotting.Tests;

/// <summary>Reads back what a plot drew: dark pixels of a bitmap, the texts of an SVG.</summary>
internal static class PlotPictures
{
    /// <summary>Text is drawn black; antialiased, its core pixels stay darker than this in every channel. The curves' colours do not.</summary>
    private const int Dark = 100;

    /// <summary>
    /// The dark pixels of the title band of the panel starting at row <paramref name="panelTop"/>: the rows above the
    /// data area's top frame line (the first row that is dark over a third of the width). Only text is dark there.
    /// </summary>
    public static int DarkPixelsInTitleBand(string path, int panelTop = 0)
    {
        using var bitmap = SKBitmap.Decode(path) ?? throw new InvalidDataException($"{path} is not an image SkiaSharp reads");
        var frame = panelTop;
        while (frame < bitmap.Height && DarkInRow(bitmap, frame) < bitmap.Width / 3)
        {
            frame++;
        }
        Assert.True(frame < bitmap.Height, $"{path}: no frame line below row {panelTop}");
        return Enumerable.Range(panelTop, frame - panelTop).Sum(y => DarkInRow(bitmap, y));
    }

    private static int DarkInRow(SKBitmap bitmap, int y)
    {
        var count = 0;
        for (var x = 0; x < bitmap.Width; x++)
        {
            var pixel = bitmap.GetPixel(x, y);
            if (pixel.Red < Dark && pixel.Green < Dark && pixel.Blue < Dark)
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>Every <c>text</c> element of an SVG with its anchor (the translation Skia writes) and font size.</summary>
    public static IReadOnlyList<SvgText> Texts(string path)
    {
        XNamespace svg = "http://www.w3.org/2000/svg";
        return XDocument.Load(path).Descendants(svg + "text").Select(text =>
        {
            var transform = (string?)text.Attribute("transform") ?? "";
            var (x, y) = (double.NaN, double.NaN);
            if (transform.StartsWith("translate(", StringComparison.Ordinal))
            {
                var xy = transform["translate(".Length..^1].Split(' ');
                (x, y) = (double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture));
            }
            return new SvgText(text.Value.Trim(), x, y, double.Parse((string)text.Attribute("font-size")!, CultureInfo.InvariantCulture));
        }).ToList();
    }

    public static string TempDirectory() => Path.Combine(Path.GetTempPath(), "scheddsl-plots-" + Guid.NewGuid().ToString("N"));
}

/// <summary>One SVG text: what it says, where it is anchored (NaN when rotated), its size.</summary>
internal sealed record SvgText(string Text, double X, double Y, double Size)
{
    /// <summary>ScottPlot's tick labels are 12 px; titles and axis labels 16.</summary>
    public bool IsTickLabel => Size == 12;
}

/// <summary>The texts of one single-panel SVG plot, by role.</summary>
internal sealed record SvgPlotTexts(IReadOnlyList<SvgText> All)
{
    /// <summary>The y tick labels: the left column of tick labels.</summary>
    public IReadOnlyList<SvgText> YTicks => [.. All.Where(t => t.IsTickLabel && Math.Abs(t.X - All.Where(u => u.IsTickLabel).Min(u => u.X)) < 1)];

    /// <summary>The x tick labels: the bottom row of tick labels.</summary>
    public IReadOnlyList<SvgText> XTicks => [.. All.Where(t => t.IsTickLabel && Math.Abs(t.Y - All.Where(u => u.IsTickLabel).Max(u => u.Y)) < 1)];

    /// <summary>The legend entries: the tick-sized texts that are not tick labels.</summary>
    public IReadOnlyList<SvgText> Legend => [.. All.Where(t => t.IsTickLabel).Except(YTicks).Except(XTicks)];

    /// <summary>The y axis label, the one rotated text.</summary>
    public string YLabel => All.Single(t => double.IsNaN(t.X)).Text;

    /// <summary>The title, the topmost large text; it is centred over the data area.</summary>
    public SvgText Title => All.Where(t => !t.IsTickLabel && !double.IsNaN(t.Y)).MinBy(t => t.Y)!;

    public static SvgPlotTexts Read(string path) => new(PlotPictures.Texts(path));
}
