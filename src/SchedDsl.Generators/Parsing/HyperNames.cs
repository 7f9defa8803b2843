using System.Collections.Generic;
using System.Text;

namespace SchedDsl.Generators.Parsing;

/// <summary>
/// Maps an optimizer option's member name to the scheduler's property name and text name: for the hyper-parameters
/// fastai names (<see cref="HyperNameTable"/>, shared with SchedDsl.Torch's runtime) the .NET name of
/// <c>HyperParameter</c> and fastai's text name; every other option keeps its own name in PascalCase and snake_case.
/// </summary>
internal static class HyperNames
{
    private static readonly Dictionary<string, (string Property, string Text)> Fastai = Build();

    /// <summary>Options members that record state rather than hyper-parameters (TorchSharp's starting learning rate).</summary>
    public static bool IsExcluded(string memberName) => memberName == "InitialLearningRate";

    /// <summary>The fastai names for <paramref name="memberName"/>, or its own name when fastai has none.</summary>
    public static (string Property, string Text) ForOption(string memberName) =>
        Fastai.TryGetValue(memberName, out var names) ? names : (Pascal(memberName), Snake(memberName));

    /// <summary>
    /// The text name of a declared property: fastai's when the property has the table's .NET name
    /// (<c>LearningRate</c> → <c>lr</c>), else its own name in snake_case.
    /// </summary>
    public static string TextForProperty(string propertyName)
    {
        foreach (var (text, property, _) in HyperNameTable.Rows)
        {
            if (property == propertyName)
            {
                return text;
            }
        }
        return Snake(propertyName);
    }

    /// <summary><c>weight_decay</c> → <c>WeightDecay</c>, <c>t0</c> → <c>T0</c>.</summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }
            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return builder.ToString();
    }

    /// <summary>
    /// <c>SqrMom</c> → <c>sqr_mom</c>, <c>LRDecay</c> → <c>lr_decay</c>, <c>weight_decay</c> stays: an underscore goes
    /// before a capital that follows a lower-case letter or digit, or that starts a word after an acronym.
    /// </summary>
    public static string Snake(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '_';
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (previous != '_' && (!char.IsUpper(previous) || nextIsLower))
                {
                    builder.Append('_');
                }
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static Dictionary<string, (string Property, string Text)> Build()
    {
        var map = new Dictionary<string, (string Property, string Text)>();
        foreach (var (text, property, options) in HyperNameTable.Rows)
        {
            foreach (var option in options)
            {
                map[option] = (property, text);
            }
        }
        return map;
    }
}
