namespace SchedDsl;

/// <summary>The built-in annealers, which evaluate through <see cref="Anneal.Eval"/> without a delegate call.</summary>
internal enum AnnealerKind
{
    Custom,
    Lin,
    Cos,
    No,
    Exp,

    /// <summary><see cref="PolySched"/>: no factory has this kind; it lets a combine inline <c>poly</c> segments.</summary>
    Poly,
}
