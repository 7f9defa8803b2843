using System.Text;

namespace SchedDsl.Generators.Emitting;

/// <summary>A minimal indented source writer (four spaces, <c>\n</c> line ends, so snapshots are stable across OSes).</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder builder = new();
    private int depth;

    public IndentedWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            builder.Append(' ', depth * 4).Append(text);
        }
        builder.Append('\n');
        return this;
    }

    public IndentedWriter Open(string header)
    {
        Line(header);
        Line("{");
        depth++;
        return this;
    }

    public IndentedWriter Close(string suffix = "")
    {
        depth--;
        return Line("}" + suffix);
    }

    public override string ToString() => builder.ToString();
}
