namespace SchedDsl;

/// <summary>The built-in annealers, which evaluate without a delegate call.</summary>
internal enum AnnealerKind
{
    Custom,
    Lin,
    Cos,
    No,
    Exp,
}
