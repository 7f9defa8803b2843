using System.Text;
using SchedDsl.Text;

namespace SchedDsl.Cli.Commands;

/// <summary>
/// The one number format of every command's output: shortest round trip, invariant culture, lower-case exponent
/// (<c>6.3e-05</c>, as Python prints floats and as the text form writes them), so <c>eval</c> and <c>suggest</c>
/// agree.
/// </summary>
internal static class JsonNumbers
{
    public static string Format(double value) => TextNumbers.Format(value);

    /// <summary>A JSON array of the values.</summary>
    public static string Array(IEnumerable<double> values) => Join(values.Select(Format));

    /// <summary>A JSON array of arrays.</summary>
    public static string Arrays(IEnumerable<double[]> rows) => Join(rows.Select(Array));

    private static string Join(IEnumerable<string> items) => new StringBuilder("[").AppendJoin(',', items).Append(']').ToString();
}
