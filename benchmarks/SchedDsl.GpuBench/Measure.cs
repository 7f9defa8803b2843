using System.Diagnostics;
using static TorchSharp.torch;

namespace SchedDsl.GpuBench;

/// <summary>
/// Stopwatch timing with the device drained at both ends of every timed block (<c>torch.cuda.synchronize()</c>), so a
/// block measures the GPU work it queued, not just the launches. Variants run interleaved, in a rotating order, round
/// after round, so clock and thermal drift hits them alike; the overhead is the median of per-round ratios to the bare step.
/// </summary>
internal static class Measure
{
    public sealed record Result(string Variant, double MedianUs, double MinUs, double MaxUs, double RatioToBare);

    public static IReadOnlyList<Result> Run(Variant[] variants, int warmup, int iterations, int rounds, Action synchronize)
    {
        foreach (var v in variants)
        {
            Repeat(v.Run, warmup);
        }
        synchronize();
        var samples = variants.Select(_ => new List<double>()).ToArray();
        for (var r = 0; r < rounds; r++)
        {
            for (var k = 0; k < variants.Length; k++)
            {
                var i = (k + r) % variants.Length;
                synchronize();
                var clock = Stopwatch.StartNew();
                Repeat(variants[i].Run, iterations);
                synchronize();
                samples[i].Add(clock.Elapsed.TotalMicroseconds / iterations);
            }
        }
        return variants.Select((v, i) => new Result(v.Name, Median(samples[i]), samples[i].Min(), samples[i].Max(),
            Median(samples[i].Zip(samples[0], (a, b) => a / b).ToList()))).ToList();
    }

    /// <summary>A host-only action (no tensor work), e.g. <c>ScheduleRunner.Step()</c> alone: µs per call, median of rounds.</summary>
    public static double HostOnly(Action action, int iterations, int rounds)
    {
        Repeat(action, iterations);
        var samples = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            var clock = Stopwatch.StartNew();
            Repeat(action, iterations);
            samples.Add(clock.Elapsed.TotalMicroseconds / iterations);
        }
        return Median(samples);
    }

    public static Action Synchronizer(Device device) => device.type == TorchSharp.DeviceType.CUDA ? () => cuda.synchronize() : () => { };

    private static void Repeat(Action action, int count)
    {
        for (var i = 0; i < count; i++)
        {
            action();
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
