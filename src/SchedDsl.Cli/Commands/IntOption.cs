using System.CommandLine;
using System.Globalization;

namespace SchedDsl.Cli.Commands;

/// <summary>
/// An integer option with its allowed range, checked while parsing, so that <c>--steps abc</c> and
/// <c>--steps 0</c> both say what is allowed instead of naming a .NET type.
/// </summary>
internal static class IntOption
{
    /// <summary>An optional integer in [<paramref name="min"/>, <paramref name="max"/>]; null when not given and no default.</summary>
    public static Option<int?> Create(string name, string description, int min, int max, int? defaultValue = null)
    {
        var option = new Option<int?>(name)
        {
            Description = description,
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                    || value < min || value > max)
                {
                    result.AddError($"{name} must be an integer in [{min}, {max}], got '{token}'");
                    return null;
                }
                return value;
            },
        };
        if (defaultValue is { } fallback)
        {
            option.DefaultValueFactory = _ => fallback;
        }
        return option;
    }
}
