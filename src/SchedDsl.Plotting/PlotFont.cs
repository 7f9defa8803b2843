using ScottPlot;
using SkiaSharp;

namespace SchedDsl.Plotting;

/// <summary>
/// The one font every plot's text is drawn in: DejaVu Sans, embedded in this assembly (Fonts/, with its
/// licence). SkiaSharp's Linux native reads fonts from the system, and a minimal Debian has none: without this the
/// plots had no text at all. Embedded, the pictures are also the same on every OS.
/// </summary>
/// <remarks>
/// ScottPlot finds typefaces through <see cref="Fonts.FontResolvers"/>; a resolver for <see cref="Family"/> goes
/// first in that list, once, and answers only to that name, so other ScottPlot users in the process keep their fonts.
/// Only the regular face ships (0.7 MB); titles and labels are drawn regular, as matplotlib draws them.
/// Registration is thread-safe among our plots; ScottPlot's list itself is not, so a plot of another library
/// rendering on another thread at the moment of our first plot could see it change.
/// </remarks>
internal static class PlotFont
{
    /// <summary>The name plots ask ScottPlot for; a private name, so a system's own DejaVu never stands in.</summary>
    public const string Family = "SchedDsl DejaVu Sans";

    private const string Resource = "SchedDsl.Plotting.Fonts.DejaVuSans.ttf";

    private static readonly Lazy<SKData> FontData = new(Load);

    private static readonly Lazy<bool> Registered = new(() =>
    {
        Fonts.FontResolvers.Insert(0, new Resolver());
        return true;
    });

    /// <summary>A new typeface from the embedded font file (never null: the file is part of the assembly).</summary>
    public static SKTypeface CreateTypeface() =>
        SKTypeface.FromData(FontData.Value) ?? throw new InvalidOperationException($"SkiaSharp could not read the embedded font {Resource}");

    /// <summary>
    /// Draws all of <paramref name="plot"/>'s text (title, axis labels, tick labels, legend, text annotations and the
    /// labels of axis lines) in the embedded font.
    /// </summary>
    public static void Apply(Plot plot)
    {
        _ = Registered.Value;
        Use(plot.Axes.Title.Label);
        foreach (var axis in plot.Axes.GetAxes())
        {
            Use(axis.Label);
            Use(axis.TickLabelStyle);
        }
        plot.Legend.FontName = Family;
        foreach (var plottable in plot.GetPlottables())
        {
            switch (plottable)
            {
                case ScottPlot.Plottables.Text text:
                    text.LabelStyle.FontName = Family;
                    break;
                case ScottPlot.Plottables.AxisLine line:
                    line.LabelStyle.FontName = Family;
                    break;
            }
        }
    }

    private static void Use(LabelStyle label)
    {
        label.FontName = Family;
        label.Bold = false;
    }

    private static SKData Load()
    {
        using var stream = typeof(PlotFont).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"the font resource {Resource} is missing from {typeof(PlotFont).Assembly.GetName().Name}");
        return SKData.Create(stream);
    }

    /// <summary>Answers <see cref="Family"/> in any weight, slant or width with the one embedded face.</summary>
    private sealed class Resolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
            fontName == Family ? PlotFont.CreateTypeface() : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Family ? PlotFont.CreateTypeface() : null;
    }
}
