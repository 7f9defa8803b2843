namespace SchedDsl.Torch;

/// <summary>
/// fastai's short names for <see cref="HyperParameter"/> values (<c>lr</c>, <c>mom</c>, <c>sqr_mom</c>, <c>wd</c>,
/// <c>eps</c>), read both ways from the table the source generator also compiles (<c>HyperNameTable</c>).
/// </summary>
public static class HyperParameterNames
{
    /// <summary>fastai's name for <paramref name="hyper"/>, as used in plots, tables, logs and checkpoints.</summary>
    public static string FastaiName(this HyperParameter hyper) => Row(hyper).Text;

    /// <summary>The hyper-parameter fastai calls <paramref name="name"/> (<c>lr</c>, <c>mom</c>, <c>sqr_mom</c>, <c>wd</c>, <c>eps</c>), or false.</summary>
    public static bool TryParse(string? name, out HyperParameter hyper)
    {
        var rows = HyperNameTable.Rows;
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i].Text == name)
            {
                hyper = (HyperParameter)i;
                return true;
            }
        }
        hyper = default;
        return false;
    }

    /// <summary>The hyper-parameter fastai calls <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">Not one of fastai's names; the message lists them.</exception>
    public static HyperParameter Parse(string name) =>
        TryParse(name, out var hyper)
            ? hyper
            : throw new ArgumentException($"'{name}' is not a hyper-parameter name; expected one of {string.Join(", ", HyperNameTable.Rows.Select(r => r.Text))}", nameof(name));

    /// <summary>The optimizer option members that may carry <paramref name="hyper"/>, first match wins.</summary>
    internal static IReadOnlyList<string> OptionMembers(this HyperParameter hyper) => Row(hyper).Options;

    private static (string Text, string Property, string[] Options) Row(HyperParameter hyper) =>
        (uint)hyper < (uint)HyperNameTable.Rows.Length
            ? HyperNameTable.Rows[(int)hyper]
            : throw new ArgumentOutOfRangeException(nameof(hyper), hyper, $"hyper must be a defined HyperParameter, got {hyper}");
}
