using ScottPlot;

namespace SchedDsl.Plotting;

/// <summary>Lines up stacked panels: each measures its own tick labels and legend, so their data areas would not align.</summary>
internal static class PanelLayout
{
    /// <summary>Gives every panel the widest left and right margins any of them needs, keeping its own top and bottom.</summary>
    public static void AlignDataAreas(IReadOnlyList<Plot> panels, int width, int panelHeight)
    {
        if (panels.Count < 2)
        {
            return;
        }
        var margins = panels.Select(panel => Measure(panel, width, panelHeight)).ToList();
        var left = margins.Max(m => m.Left);
        var right = margins.Max(m => m.Right);
        for (var i = 0; i < panels.Count; i++)
        {
            panels[i].Layout.Fixed(new PixelPadding(left, right, margins[i].Bottom, margins[i].Top));
        }
    }

    private static PixelPadding Measure(Plot panel, int width, int height)
    {
        panel.RenderInMemory(width, height);
        var render = panel.RenderManager.LastRender;
        var (figure, data) = (render.FigureRect, render.DataRect);
        return new PixelPadding(data.Left - figure.Left, figure.Right - data.Right, figure.Bottom - data.Bottom, data.Top - figure.Top);
    }
}
