namespace SchedDsl.Testing.Inspection;

/// <summary>A position where one part of a schedule hands over to the next.</summary>
/// <param name="Position">Where, in [0, 1] of the whole schedule.</param>
/// <param name="Owner">The function whose expansion has the join (<c>combine</c> for a plain combine).</param>
/// <param name="PromisedContinuous">Whether <see cref="Owner"/> promises the value does not jump there (<see cref="ContinuousFunctions"/>).</param>
/// <param name="EndingPart">
/// The part that ends at the join, whose <c>At(1)</c> is the value just before it; null where the walk cannot say
/// (inside a reverse or a repeat). Read from the part rather than probed left of the join, because a steep part
/// (a share of 1e-6) moves far in any probe step while its end value is exact.
/// </param>
internal readonly record struct Join(double Position, string Owner, bool PromisedContinuous, Sched? EndingPart);
