using System.Text;

namespace SchedDsl.Serialization;

/// <summary>
/// The JSON path of the value being read, as a stack of property names and list indexes: spelt out only for an
/// error (e.g. <c>$.scheds[1].div</c>), so reading a valid document builds no path strings.
/// </summary>
internal sealed class JsonPlaces
{
    // A property's name (a declaration's parameter name, no copy), or null for a list item at Indexes[i].
    private string?[] names = new string?[16];
    private int[] indexes = new int[16];
    private int count;

    /// <summary>How many places are open below the root.</summary>
    public int Count => count;

    public void Clear() => count = 0;

    public void Push(string property) => Push(property, 0);

    public void Push(int index) => Push(null, index);

    public void Pop() => count--;

    /// <summary>Sets the index of the list item on top (the next item of the same list).</summary>
    public void SetIndex(int index) => indexes[count - 1] = index;

    /// <summary>The path of the top place, e.g. <c>$.scheds[1]</c>; <c>$</c> at the root.</summary>
    public string Path()
    {
        var path = new StringBuilder("$");
        for (var i = 0; i < count; i++)
        {
            _ = names[i] is { } name ? path.Append('.').Append(name) : path.Append('[').Append(indexes[i]).Append(']');
        }
        return path.ToString();
    }

    private void Push(string? property, int index)
    {
        if (count == names.Length)
        {
            Array.Resize(ref names, 2 * count);
            Array.Resize(ref indexes, 2 * count);
        }
        names[count] = property;
        indexes[count] = index;
        count++;
    }
}
