using System.Runtime.InteropServices;
using SchedDsl.Text;

namespace SchedDsl.Parsing;

/// <summary>
/// What a one-pass reader (<see cref="SchedTextReader"/> for text, <see cref="Serialization.SchedJsonReader"/> for
/// JSON) keeps for the calls and lists it is inside, innermost last: each call's C# arguments as a window of one
/// array, handed to the factory as a span; each list of schedules as a run of one list; the numbers of the list of
/// numbers being read. Reused between reads, so a read allocates what it builds, not an array per call or list.
/// Not thread-safe: each reader keeps one per thread.
/// </summary>
internal sealed class ReaderStacks
{
    private object?[] arguments = new object?[32];
    private int argumentTop;
    private readonly List<Sched> parts = [];
    private double[] numbers = new double[16];

    /// <summary>Opens a window of <paramref name="count"/> arguments for a call; its start, for <see cref="PopCall"/>.</summary>
    public int PushCall(int count)
    {
        var start = argumentTop;
        argumentTop += count;
        if (arguments.Length < argumentTop)
        {
            Array.Resize(ref arguments, Math.Max(argumentTop, 2 * arguments.Length));
        }
        return start;
    }

    /// <summary>An argument slot of an open call's window (its start plus the parameter's index).</summary>
    public object? this[int slot]
    {
        get => arguments[slot];
        set => arguments[slot] = value;
    }

    /// <summary>Closes the call whose window starts at <paramref name="start"/> (and any left open inside it), clearing its slots.</summary>
    public void PopCall(int start)
    {
        arguments.AsSpan(start, argumentTop - start).Clear();
        argumentTop = start;
    }

    /// <summary>Calls <paramref name="spec"/>'s factory with the window at <paramref name="start"/>, every declared rule already checked.</summary>
    public Sched Build(FunctionSpec spec, int start) => Factories.InvokeChecked(spec, arguments, start);

    /// <summary>Where the parts of a list about to be read start, for <see cref="TakeParts"/>.</summary>
    public int PartsStart => parts.Count;

    /// <summary>Adds a part to the innermost list being read.</summary>
    public void AddPart(Sched part) => parts.Add(part);

    /// <summary>The parts added since <paramref name="start"/>, removed.</summary>
    public Sched[] TakeParts(int start)
    {
        var taken = CollectionsMarshal.AsSpan(parts)[start..].ToArray();
        parts.RemoveRange(start, taken.Length);
        return taken;
    }

    /// <summary>Sets item <paramref name="index"/> of the list of numbers being read (items are set in order).</summary>
    public void SetNumber(int index, double value)
    {
        if (index == numbers.Length)
        {
            Array.Resize(ref numbers, 2 * index);
        }
        numbers[index] = value;
    }

    /// <summary>The first <paramref name="count"/> numbers set, as the list's own array.</summary>
    public double[] TakeNumbers(int count) => numbers.AsSpan(0, count).ToArray();

    /// <summary>Forgets every call and list (after a read, however it ended).</summary>
    public void Clear()
    {
        PopCall(0);
        parts.Clear();
    }
}
