#nullable enable
#if NETSTANDARD2_0
using System.Collections.Generic;
#endif

namespace SchedDsl.Text;

// The text form's syntax tree. netstandard2.0-clean: linked into the source generator.

/// <summary>A node of the schedule text's syntax tree, with its place in the text.</summary>
internal abstract class SyntaxNode
{
    private protected SyntaxNode(int start, int length)
    {
        Start = start;
        Length = length;
    }

    /// <summary>Offset of the node's first character.</summary>
    public int Start { get; }

    /// <summary>Number of characters the node spans.</summary>
    public int Length { get; }
}

/// <summary>A number literal, e.g. <c>1e-3</c>.</summary>
internal sealed class NumberNode : SyntaxNode
{
    internal NumberNode(double value, int start, int length)
        : base(start, length) => Value = value;

    /// <summary>The number's value.</summary>
    public double Value { get; }
}

/// <summary>A list, e.g. <c>[0.1, 0.2]</c> or <c>[cos(1, 0), lin(0, 1)]</c>.</summary>
internal sealed class ListNode : SyntaxNode
{
    internal ListNode(IReadOnlyList<SyntaxNode> items, int start, int length)
        : base(start, length) => Items = items;

    /// <summary>The items, in order.</summary>
    public IReadOnlyList<SyntaxNode> Items { get; }
}

/// <summary>A call, e.g. <c>one_cycle(1e-2, pct_start=0.3)</c>.</summary>
internal sealed class CallNode : SyntaxNode
{
    internal CallNode(string name, IReadOnlyList<ArgumentNode> arguments, int start, int length)
        : base(start, length)
    {
        Name = name;
        Arguments = arguments;
    }

    /// <summary>The function's name.</summary>
    public string Name { get; }

    /// <summary>The arguments, positional first as written.</summary>
    public IReadOnlyList<ArgumentNode> Arguments { get; }
}

/// <summary>One argument of a call: <c>value</c> or <c>name=value</c>.</summary>
/// <remarks>A value kept inline in its call's array: an object per argument was a fifth of what parsing a long combine allocated.</remarks>
internal readonly struct ArgumentNode
{
    internal ArgumentNode(string? name, SyntaxNode value, int start)
    {
        Name = name;
        Value = value;
        Start = start;
    }

    /// <summary>The parameter name for a named argument, else null.</summary>
    public string? Name { get; }

    /// <summary>The value.</summary>
    public SyntaxNode Value { get; }

    /// <summary>Offset of the argument (its name, if named).</summary>
    public int Start { get; }
}
