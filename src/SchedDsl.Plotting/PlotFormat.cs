namespace SchedDsl.Plotting;

/// <summary>
/// The image format a plot is written in. By default the file name's extension decides: <c>.png</c>, <c>.svg</c>,
/// <c>.jpg</c> or <c>.jpeg</c>; any other extension is an error rather than a file whose bytes do not match its name.
/// </summary>
public enum PlotFormat
{
    /// <summary>A PNG bitmap (<c>.png</c>).</summary>
    Png,

    /// <summary>An SVG vector image (<c>.svg</c>): text stays text, drawn in DejaVu Sans where the viewer has it.</summary>
    Svg,

    /// <summary>A JPEG bitmap (<c>.jpg</c>, <c>.jpeg</c>), quality 90.</summary>
    Jpeg,
}
