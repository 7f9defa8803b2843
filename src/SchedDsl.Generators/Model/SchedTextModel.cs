namespace SchedDsl.Generators.Model;

/// <summary>How the schedule text was written in source, which decides how text offsets map to source offsets.</summary>
internal enum LiteralKind
{
    /// <summary>Not a single string literal (a constant, a concatenation, an interpolation…): errors point at all of it.</summary>
    Other,

    /// <summary><c>"…"</c> with C# escapes.</summary>
    Regular,

    /// <summary><c>@"…"</c>, where <c>""</c> is one quote.</summary>
    Verbatim,

    /// <summary><c>"""…"""</c> on one line.</summary>
    RawSingleLine,
}

/// <summary>
/// The attribute argument holding the text, as values: file, where it starts (offset, 0-based line and character),
/// its source text and kind. Enough to place a diagnostic on any character of the text without a syntax tree.
/// </summary>
internal sealed record LiteralInfo(string FilePath, int SpanStart, int Line, int Character, string SourceText, LiteralKind Kind);

/// <summary>A <c>[SchedText]</c> property as read from symbols: where to reopen it, the text and its declared group count.</summary>
/// <param name="Namespace">The containing namespace, or empty.</param>
/// <param name="Containers">Enclosing types of the containing type, outermost first.</param>
/// <param name="Type">The containing type.</param>
/// <param name="PropertyName">The property.</param>
/// <param name="Modifiers">Its modifiers without <c>partial</c> (<c>public static</c>).</param>
/// <param name="Nullable">True when declared <c>Sched?</c>.</param>
/// <param name="Text">The schedule text (the attribute's constant value).</param>
/// <param name="Groups">The declared group count, or 0.</param>
/// <param name="Literal">Where the text is written.</param>
internal sealed record SchedTextModel(
    string Namespace,
    EquatableArray<TypeDeclarationInfo> Containers,
    TypeDeclarationInfo Type,
    string PropertyName,
    string Modifiers,
    bool Nullable,
    string Text,
    int Groups,
    LiteralInfo Literal)
{
    /// <summary>A file name unique per property.</summary>
    public string HintName
    {
        get
        {
            var name = Namespace.Length == 0 ? string.Empty : Namespace + ".";
            foreach (var container in Containers)
            {
                name += container.Name + ".";
            }
            name += Type.Name + "." + PropertyName;
            return name.Replace('<', '{').Replace('>', '}') + ".SchedText.g.cs";
        }
    }
}

/// <summary>What reading one <c>[SchedText]</c> property gives: a model to bind (null when it cannot be implemented) and diagnostics.</summary>
internal sealed record SchedTextInput(SchedTextModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The bound result: the property's source and diagnostics.</summary>
/// <param name="HintName">The generated file's name.</param>
/// <param name="Source">The generated source (a getter that throws when the text has an error), or null when the property cannot be implemented (SDSL007).</param>
/// <param name="Diagnostics">SDSL004/SDSL005/SDSL007 to report.</param>
internal sealed record SchedTextOutput(string HintName, string? Source, EquatableArray<DiagnosticInfo> Diagnostics);
