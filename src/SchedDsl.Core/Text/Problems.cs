#nullable enable
#if NETSTANDARD2_0
using System.Collections.Generic;
#endif

namespace SchedDsl.Text;

/// <summary>
/// Every problem the binder found in one text, in the order met: the binder reports a problem here and goes on with
/// the next argument, as a compiler does, instead of stopping at the first.
/// </summary>
/// <remarks>
/// A plain list, not LanguageExt's <c>Validation</c>: this folder is compiled into the source generator too
/// (netstandard2.0), which would have to ship LanguageExt.Core (7 MB, with Reflection.Emit and six more packages)
/// into every compiler and IDE process that loads it. Core turns the list into a <c>Validation</c> at its boundary
/// (<c>Sched.Validate</c>).
/// </remarks>
internal sealed class Problems
{
    private List<TextError>? errors;

    /// <summary>True when no problem has been reported.</summary>
    public bool None => errors is null;

    /// <summary>Records <paramref name="error"/>.</summary>
    public void Report(TextError error) => (errors ??= new List<TextError>()).Add(error);

    /// <summary>Records <paramref name="message"/> at <paramref name="node"/>.</summary>
    public void Report(string message, SyntaxNode node, string expected) => Report(new TextError(message, node.Start, node.Length, expected));

    /// <summary>The problems in text order (a problem found after its call's arguments, such as a missing one, is placed by where it is).</summary>
    public TextError[] InTextOrder()
    {
        if (errors is null)
        {
            return System.Array.Empty<TextError>();
        }
        // A stable sort: problems at the same place keep the order they were found in.
        var ordered = new KeyValuePair<int, TextError>[errors.Count];
        for (var i = 0; i < ordered.Length; i++)
        {
            ordered[i] = new KeyValuePair<int, TextError>(i, errors[i]);
        }
        System.Array.Sort(ordered, (a, b) => a.Value.Start != b.Value.Start ? a.Value.Start.CompareTo(b.Value.Start) : a.Key.CompareTo(b.Key));
        var result = new TextError[ordered.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = ordered[i].Value;
        }
        return result;
    }
}
