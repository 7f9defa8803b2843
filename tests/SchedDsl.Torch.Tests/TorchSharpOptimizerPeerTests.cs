using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Tests;

/// <summary>What TorchSharp 0.107's optimizers do that decides what <see cref="Optimizers"/> offers (docs/training.md, "Optimizers").</summary>
public sealed class TorchSharpOptimizerPeerTests
{
    /// <summary>The distance <paramref name="steps"/> RAdam steps move a parameter under a constant gradient of 1, step by step.</summary>
    private static double[] RAdamMoves(double lr, int steps)
    {
        var p = new Parameter(zeros(1, dtype: float64));
        using var radam = new RAdam([p], lr, beta1: 0.9, beta2: 0.99, eps: 1e-8);
        var moves = new double[steps];
        for (var i = 0; i < steps; i++)
        {
            var before = p.item<double>();
            radam.zero_grad();
            p.sum().backward();
            radam.step();
            moves[i] = before - p.item<double>();
        }
        return moves;
    }

    [Fact]
    public void RAdam_OnceRectified_ScalesItsStepByLrSquared_SoOptimizersOffersNoRAdam()
    {
        // beta2 = 0.99: steps 1-5 are unrectified (rho_t <= 5), from step 6 on the adaptive, rectified update.
        var small = RAdamMoves(0.01, 8);
        var large = RAdamMoves(0.1, 8);
        // 10x the lr: 10x the move before rectification, as PyTorch's RAdam; 100x after, where PyTorch's is 10x.
        // If TorchSharp fixes this, the second assertion fails: offer Optimizers.RAdam and update docs/training.md.
        // Tolerance: both runs do the same float64 arithmetic with a different lr; 1e-9 relative covers the rounding.
        Assert.Equal(10, large[0] / small[0], 1e-9);
        Assert.Equal(100, large[6] / small[6], 1e-6);
    }
}
