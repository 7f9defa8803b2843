using SchedDsl.Text;

namespace SchedDsl;

public abstract partial record Sched
{
    /// <summary>
    /// How deeply schedules may nest: 31 levels, where an annealer, preset, zoo schedule or constant is one level
    /// and each <see cref="CombineScheds"/> (or <see cref="Then"/>) around schedules adds one.
    /// </summary>
    /// <remarks>
    /// One limit for every form, derived from the text form's <see cref="SyntaxParser.MaxDepth"/> (64 nested lists
    /// and calls): each combine level prints as a call and a list (2), the innermost schedule as at most a call, a
    /// list or slice, and a number (3), so 2·(31 − 1) + 3 = 63 fits and 32 levels would not. Construction rejects a
    /// deeper schedule, so every schedule that builds prints a text that parses, writes JSON that reads back, and
    /// no recursive walk (printing, equality, hashing, group resolution, JSON) can overflow the stack.
    /// </remarks>
    public const int MaxDepth = (SyntaxParser.MaxDepth - 1) / 2;

    /// <summary>This schedule's nesting depth (1 for a leaf); at most <see cref="MaxDepth"/>.</summary>
    internal virtual int Depth => 1;
}
