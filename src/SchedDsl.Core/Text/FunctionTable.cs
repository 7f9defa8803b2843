#nullable enable
#if NETSTANDARD2_0
using System.Collections.Generic;
#endif

namespace SchedDsl.Text;

/// <summary>Every function the text form knows, by name: the declarations in <c>Functions/</c>, one file per function.</summary>
internal static class FunctionTable
{
    /// <summary>The declarations in the order the docs list them; a new function is written in its own file and listed here.</summary>
    public static readonly FunctionSpec[] Declarations =
    [
        AnnealerFunctions.Lin, AnnealerFunctions.Cos, AnnealerFunctions.No, AnnealerFunctions.Exp, AnnealerFunctions.Poly,
        CombineFunctions.Combine, CombineFunctions.CombinedCos,
        FastaiPresets.OneCycle, FastaiPresets.FlatCos, FastaiPresets.Sgdr, FastaiPresets.LrFinder,
        WarmupFunctions.WarmupCosine, WarmupFunctions.WarmupLinear, WarmupFunctions.Wsd, WarmupFunctions.WsdLinear,
        PyTorchCycles.OneCycle3Phase, PyTorchCycles.OneCycle3PhaseMomentum, PyTorchCycles.Cyclic, PyTorchCycles.CyclicMomentum,
        Decays.StepDecay, Decays.MultiStep, Decays.PiecewiseConstant, Decays.ExponentialDecay, Decays.ExponentialDecayStaircase,
        Decays.PolyDecay, Decays.InverseSqrt,
        Restarts.CosineRestarts, Restarts.SgdrDecay,
        TimeFunctions.Replan, TimeFunctions.ReplanHoldThenDecay,
        TimeFunctions.CooldownLinear, TimeFunctions.CooldownCosine, TimeFunctions.CooldownSqrt,
        TimeFunctions.BranchLinear, TimeFunctions.BranchCosine, TimeFunctions.BranchSqrt,
        WarmupFunctions.WsdSqrt, WarmupFunctions.WarmupLog,
        Decays.PiecewiseInterpolateLinear, Decays.PiecewiseInterpolateCosine,
        Restarts.TimmCosine, Restarts.TimmTanh,
        Transformers.Staircase, Transformers.Multiply, Transformers.Noise,
    ];

    private static readonly Dictionary<string, FunctionSpec> Functions = ByName();

    /// <summary>Every known function by name.</summary>
    public static IReadOnlyDictionary<string, FunctionSpec> All => Functions;

    private static Dictionary<string, FunctionSpec> ByName()
    {
        var byName = new Dictionary<string, FunctionSpec>();
        foreach (var spec in Declarations)
        {
            byName.Add(spec.Name, spec);
        }
        return byName;
    }
}
