using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using SchedDsl.GpuBench;
using TorchSharp;
using static TorchSharp.torch;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
if (options.Device == "cuda" && !cuda.is_available())
{
    Console.Error.WriteLine("--device cuda but torch.cuda.is_available() is false (CPU libtorch, or LD_LIBRARY_PATH lacks PyTorch's CUDA lib dir; docs/gpu.md)");
    return 3;
}
set_num_threads(options.Threads);
var device = torch.device(options.Device);
var synchronize = Measure.Synchronizer(device);
var inv = CultureInfo.InvariantCulture;
var text = new StringBuilder();
text.AppendLine(inv, $"Device: {options.Device}{(options.Device == "cuda" ? $" ({cuda.device_count()} visible)" : "")}; TorchSharp {typeof(torch).Assembly.GetName().Version}; "
    + $".NET {Environment.Version}; {RuntimeInformation.OSDescription}; CPU threads {options.Threads}; {options.Rounds} rounds; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
text.AppendLine();
text.AppendLine("| model | shape | variant | median µs/step | min–max µs | vs bare (median of per-round ratios) |");
text.AppendLine("| --- | --- | --- | ---: | ---: | ---: |");
var alone = new List<string>();
foreach (var make in new Func<Device, double, Workload>[] { Workload.Mlp, Workload.Cnn })
{
    using var w = make(device, options.Scale);
    Console.Error.WriteLine($"{w.Name}: {w.Warmup} warm-up + {options.Rounds} × {w.Iterations} steps per variant …");
    var results = Measure.Run(Variant.For(w), w.Warmup, w.Iterations, options.Rounds, synchronize);
    foreach (var r in results)
    {
        text.AppendLine(inv, $"| {w.Name} | {w.Shape} | {r.Variant} | {r.MedianUs:F1} | {r.MinUs:F1}–{r.MaxUs:F1} | {(r.RatioToBare - 1) * 100:+0.00;-0.00;0.00} % |");
    }
    var runner = Variant.NewRunner(w);
    var next = 0;
    var step = Measure.HostOnly(() => runner.Apply(next++ % runner.TotalSteps), 20_000, options.Rounds);
    alone.Add(string.Create(inv, $"| {w.Name} | {step:F3} | {step / results[0].MedianUs * 100:F3} % |"));
}
text.AppendLine();
text.AppendLine("`ScheduleRunner.Apply(step)` alone (host only: no tensor, no launch, no sync), against the bare step's median:");
text.AppendLine();
text.AppendLine("| model | µs per Apply(step) | share of the bare step |");
text.AppendLine("| --- | ---: | ---: |");
alone.ForEach(line => text.AppendLine(line));
Console.Write(text);
if (options.Out is { } path)
{
    File.WriteAllText(path, text.ToString());
    Console.Error.WriteLine($"wrote {path}");
}
return 0;
