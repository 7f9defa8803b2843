#nullable enable
#if NETSTANDARD2_0
using System;
using System.Collections.Generic;
#endif
using System.Globalization;

namespace SchedDsl.Text;

/// <summary>
/// Parses schedule text into a <see cref="SyntaxNode"/> tree (no meaning yet: see <see cref="SchedBinder"/>).
/// </summary>
/// <remarks>
/// Grammar: <c>expr := number | '[' [expr {',' expr}] ']' | name '(' [arg {',' arg}] ')'</c>,
/// <c>arg := [name '='] expr</c>; whitespace anywhere between tokens. Never throws on any input.
/// </remarks>
internal sealed class SyntaxParser
{
    /// <summary>How deeply lists and calls may nest: far beyond any real schedule, far below the stack's limit.</summary>
    public const int MaxDepth = 64;

    private readonly string text;
    private int position;
    private int depth;

    // The items and arguments of the lists and calls being parsed, innermost last: each node takes an exact array
    // of its own from here when it closes, instead of a growing list per node. Kept per thread between parses (as
    // the JSON reader keeps its lists), so a long combine does not grow a fresh list, past the large object heap's
    // threshold, every time it is parsed.
    [ThreadStatic]
    private static List<SyntaxNode>? cachedItems;

    [ThreadStatic]
    private static List<ArgumentNode>? cachedArguments;

    private readonly List<SyntaxNode> items;
    private readonly List<ArgumentNode> arguments;

    private SyntaxParser(string text, List<SyntaxNode> items, List<ArgumentNode> arguments)
    {
        this.text = text;
        this.items = items;
        this.arguments = arguments;
    }

    /// <summary>Parses <paramref name="text"/>; exactly one of the results is non-null.</summary>
    public static (SyntaxNode? Node, TextError? Error) Parse(string text)
    {
        // Taken while in use, and emptied before they go back: they never hold a node between parses.
        var parser = new SyntaxParser(text ?? "", cachedItems ?? new List<SyntaxNode>(), cachedArguments ?? new List<ArgumentNode>());
        cachedItems = null;
        cachedArguments = null;
        try
        {
            var node = parser.Expression();
            parser.SkipSpace();
            if (parser.position < parser.text.Length)
            {
                return (null, parser.ErrorHere("end of text"));
            }
            return (node, null);
        }
        catch (SyntaxException error)
        {
            return (null, error.Error);
        }
        finally
        {
            parser.items.Clear();
            parser.arguments.Clear();
            cachedItems = parser.items;
            cachedArguments = parser.arguments;
        }
    }

    private SyntaxNode Expression()
    {
        SkipSpace();
        if (++depth > MaxDepth)
        {
            throw new SyntaxException(new TextError($"lists and calls nest deeper than {MaxDepth} levels", position, 1, "a shallower expression"));
        }
        try
        {
            return Nested();
        }
        finally
        {
            depth--;
        }
    }

    private SyntaxNode Nested()
    {
        if (position >= text.Length)
        {
            throw new SyntaxException(ErrorHere("a number, '[' or a function name"));
        }
        var c = text[position];
        if (c == '[')
        {
            return List();
        }
        if (IsNameStart(c))
        {
            return Call();
        }
        if (char.IsDigit(c) || c == '.' || c == '-' || c == '+')
        {
            return Number();
        }
        throw new SyntaxException(ErrorHere("a number, '[' or a function name"));
    }

    private ListNode List()
    {
        var start = position;
        position++; // '['
        var first = items.Count;
        SkipSpace();
        if (Peek() == ']')
        {
            position++;
            return new ListNode(Take(items, first), start, position - start);
        }
        while (true)
        {
            items.Add(Expression());
            SkipSpace();
            var c = Peek();
            position++;
            if (c == ']')
            {
                return new ListNode(Take(items, first), start, position - start);
            }
            if (c != ',')
            {
                position--;
                throw new SyntaxException(ErrorHere("',' or ']'"));
            }
        }
    }

    private CallNode Call()
    {
        var start = position;
        var name = Name();
        SkipSpace();
        if (Peek() != '(')
        {
            throw new SyntaxException(ErrorHere($"'(' after '{name}'"));
        }
        position++;
        var first = arguments.Count;
        SkipSpace();
        if (Peek() == ')')
        {
            position++;
            return new CallNode(name, Take(arguments, first), start, position - start);
        }
        while (true)
        {
            arguments.Add(Argument());
            SkipSpace();
            var c = Peek();
            position++;
            if (c == ')')
            {
                return new CallNode(name, Take(arguments, first), start, position - start);
            }
            if (c != ',')
            {
                position--;
                throw new SyntaxException(ErrorHere("',' or ')'"));
            }
        }
    }

    private ArgumentNode Argument()
    {
        SkipSpace();
        var start = position;
        if (position < text.Length && IsNameStart(text[position]))
        {
            var name = Name();
            SkipSpace();
            if (Peek() == '=')
            {
                position++;
                return new ArgumentNode(name, Expression(), start);
            }
            if (Peek() != '(')
            {
                throw new SyntaxException(ErrorHere($"'=' or '(' after '{name}'"));
            }
            position = start;
        }
        return new ArgumentNode(null, Expression(), start);
    }

    private NumberNode Number()
    {
        var start = position;
        switch (ScanNumber(text, start, out position, out var value))
        {
            case NumberScan.NoDigits:
                throw new SyntaxException(ErrorHere("a number"));
            case NumberScan.NoExponentDigits:
                throw new SyntaxException(ErrorHere("digits of an exponent after 'e'"));
            case NumberScan.TooLarge:
                throw new SyntaxException(new TextError(
                    $"number {text.Substring(start, position - start)} is too large for a double", start, position - start, "a finite number"));
        }
        return new NumberNode(value, start, position - start);
    }

    /// <summary>What reading a number found: a finite number, or the problem.</summary>
    internal enum NumberScan
    {
        /// <summary>A finite number.</summary>
        Number,

        /// <summary>No digit before or after the point; the end is the start.</summary>
        NoDigits,

        /// <summary>An exponent's 'e' with no digits after it; the end is at the 'e'.</summary>
        NoExponentDigits,

        /// <summary>Past double's range.</summary>
        TooLarge,
    }

    /// <summary>
    /// Reads the number at <paramref name="start"/> (<c>[+-] digits [. digits] [e [+-] digits]</c>): its
    /// <paramref name="value"/> and <paramref name="end"/>, or where it went wrong (the grammar's one definition of a
    /// number, which the one-pass reader shares).
    /// </summary>
    internal static NumberScan ScanNumber(string text, int start, out int end, out double value)
    {
        value = 0;
        end = start;
        if (end < text.Length && text[end] is '-' or '+')
        {
            end++;
        }
        var digits = Digits(text, ref end);
        if (end < text.Length && text[end] == '.')
        {
            end++;
            digits += Digits(text, ref end);
        }
        if (digits == 0)
        {
            end = start;
            return NumberScan.NoDigits;
        }
        if (end < text.Length && text[end] is 'e' or 'E')
        {
            var exponentStart = end;
            end++;
            if (end < text.Length && text[end] is '-' or '+')
            {
                end++;
            }
            if (Digits(text, ref end) == 0)
            {
                end = exponentStart;
                return NumberScan.NoExponentDigits;
            }
        }
        if (DecimalFastPath.TryParse(text, start, end, out value))
        {
            return NumberScan.Number;
        }
#if NETSTANDARD2_0
        value = double.Parse(text.Substring(start, end - start), NumberStyles.Float, CultureInfo.InvariantCulture);
#else
        // No string per number where the span overload exists (every target but the generator's netstandard2.0).
        value = double.Parse(text.AsSpan(start, end - start), NumberStyles.Float, CultureInfo.InvariantCulture);
#endif
        return double.IsInfinity(value) ? NumberScan.TooLarge : NumberScan.Number;
    }

    /// <summary>The items of <paramref name="pending"/> from <paramref name="first"/> on, removed from it.</summary>
    private static T[] Take<T>(List<T> pending, int first)
    {
        var taken = new T[pending.Count - first];
        pending.CopyTo(first, taken, 0, taken.Length);
        pending.RemoveRange(first, taken.Length);
        return taken;
    }

    private static int Digits(string text, ref int position)
    {
        var count = 0;
        while (position < text.Length && text[position] >= '0' && text[position] <= '9')
        {
            position++;
            count++;
        }
        return count;
    }

    private string Name()
    {
        var start = position;
        position = NameEnd(text, position);
#if !NETSTANDARD2_0
        // A declared name (nearly every name a text has) is the declaration's own string: no copy per call (issue 22, item 5).
        if (KnownNames.TryGetValue(text.AsSpan(start, position - start), out var known))
        {
            return known;
        }
#endif
        return text.Substring(start, position - start);
    }

#if !NETSTANDARD2_0
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownNames = DeclaredNames();

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DeclaredNames()
    {
        var names = new HashSet<string>(Binder.SliceNames, StringComparer.Ordinal);
        foreach (var function in FunctionTable.Declarations)
        {
            names.Add(function.Name);
            foreach (var parameter in function.Params)
            {
                names.Add(parameter.Name);
            }
        }
        return names.GetAlternateLookup<ReadOnlySpan<char>>();
    }
#endif

    /// <summary>Whether a name (a function's or a parameter's) starts with <paramref name="c"/>.</summary>
    internal static bool IsNameStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';

    /// <summary>Where the name starting at <paramref name="start"/> (a name start) ends.</summary>
    internal static int NameEnd(string text, int start)
    {
        var end = start;
        while (end < text.Length && (IsNameStart(text[end]) || char.IsDigit(text[end])))
        {
            end++;
        }
        return end;
    }

    /// <summary>Where the whitespace starting at <paramref name="position"/> ends (whitespace may stand between any tokens).</summary>
    internal static int SkipSpace(string text, int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
        return position;
    }

    private char Peek() => position < text.Length ? text[position] : '\0';

    private void SkipSpace() => position = SkipSpace(text, position);

    private TextError ErrorHere(string expected)
    {
        var found = position >= text.Length ? "end of text" : $"'{text[position]}'";
        return new TextError($"expected {expected}, found {found}", position, 1, expected);
    }

#pragma warning disable CA1064, CA1032 // private control flow, never escapes Parse
    private sealed class SyntaxException : System.Exception
    {
        public SyntaxException(TextError error)
            : base(error.Message) => Error = error;

        public TextError Error { get; }
    }
#pragma warning restore CA1064, CA1032
}
