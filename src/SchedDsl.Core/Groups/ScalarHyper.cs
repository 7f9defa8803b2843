using SchedDsl.Collections;
using SchedDsl.Validation;

namespace SchedDsl;

/// <summary>The same value for every group.</summary>
internal sealed record ScalarHyper(double Value) : Hyper
{
    public override bool IsPerGroup => false;

    public override ValueArray<double> Numbers => ValueArray<double>.Own([Value]);

    public override Hyper Scale(double factor) => new ScalarHyper(Value * factor);

    public override Hyper Divide(double divisor) => new ScalarHyper(Value / divisor);

    private protected override double Resolve(int group, int groupCount) => Value;

    public override string ToString() => NumberText.Format(Value);
}
