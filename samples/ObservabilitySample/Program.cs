using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using SchedDsl;
using SchedDsl.Torch;
using static TorchSharp.torch;

// Metrics: every fit publishes to the "SchedDsl" meter; OpenTelemetry exports it, here to the console.
using var meters = Sdk.CreateMeterProviderBuilder()
    .AddMeter(SchedDslMeter.Name)
    .AddConsoleExporter()
    .Build();
// Logs: the Learner's events (fit start and end, each epoch's row, checkpoints, LR finder suggestions) to any ILogger.
using var logging = LoggerFactory.Create(builder => builder.AddSimpleConsole(options => options.SingleLine = true));

// A small regression with three layer groups, so the learning-rate gauge carries three scheddsl.layer_group tags.
manual_seed(0);
var x = randn(2048, 4);
var y = (2 * x.sum(1, keepdim: true)) + 3;
var model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 1));
using var learn = new Learner(model, new TensorBatches(x[..1792], y[..1792], 64, shuffle: true), new TensorBatches(x[1792..], y[1792..], 256),
    (prediction, target) => nn.functional.mse_loss(prediction, target))
{
    Splitter = Splitters.ByChildren(2, 4),
    Logger = logging.CreateLogger<Learner>(),
};
// A service exports on the reader's interval (60 s by default); this fit lasts a second, so it also exports at each epoch's end.
learn.FitOneCycle(2, Hyper.Slice(1e-3, 1e-2), callbacks: [new ExportEachEpoch(meters)]);

internal sealed class ExportEachEpoch(MeterProvider meters) : Callback
{
    public override void AfterEpoch(FitContext context) => meters.ForceFlush();
}
