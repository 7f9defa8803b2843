using System.Globalization;

namespace SchedDsl.GpuBench;

/// <summary>Command line: <c>[--device cpu|cuda] [--out FILE] [--rounds N] [--scale X] [--threads N]</c>.</summary>
internal sealed record BenchOptions(string Device, string? Out, int Rounds, double Scale, int Threads)
{
    public const string Usage = "usage: SchedDsl.GpuBench [--device cpu|cuda] [--out table.md] [--rounds 11] [--scale 1.0] [--threads 1]";

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions("cuda", null, 11, 1.0, 1);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            options = args[i] switch
            {
                "--device" => options with { Device = value is "cpu" or "cuda" ? value : throw new ArgumentException($"--device is cpu or cuda, got {value}") },
                "--out" => options with { Out = value },
                "--rounds" => options with { Rounds = Positive(value, "--rounds") },
                "--scale" => options with { Scale = double.Parse(value, CultureInfo.InvariantCulture) },
                "--threads" => options with { Threads = Positive(value, "--threads") },
                _ => throw new ArgumentException($"unknown option {args[i]}. {Usage}"),
            };
            i++;
        }
        return options;
    }

    private static int Positive(string value, string name) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive integer, got {value}");
}
