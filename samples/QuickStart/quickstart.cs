#!/usr/bin/env dotnet
// SchedDsl in one file (.NET 10 file-based app): find a learning rate, fit a small model with one cycle, plot both.
//   bash scripts/pack.sh                                   # in the SchedDsl repository: packs the packages into ./local-feed
//   dotnet run samples/QuickStart/quickstart.cs -- out     # writes out/lr_find.png and out/sched.png
// Copied elsewhere, point it at the feed: SCHEDDSL_FEED=/path/to/SchedDsl/local-feed dotnet run quickstart.cs
// Data: Fashion-MNIST from Debian's dataset-fashion-mnist when installed, else a synthetic 10-class stand-in.
#:package SchedDsl.Torch@0.1.0
#:package SchedDsl.Plotting@0.1.0
#:package libtorch-cpu-linux-x64@2.10.0
#:property RestoreAdditionalProjectSources=$([MSBuild]::ValueOrDefault('$(SCHEDDSL_FEED)', '$(MSBuildProjectDirectory)/../../local-feed'))
#:property ManagePackageVersionsCentrally=false
#:property PublishAot=false

using SchedDsl.Plotting;
using SchedDsl.Torch;
using static TorchSharp.torch;

var output = args.Length > 0 ? args[0] : "quickstart-out";
manual_seed(0);
var (trainX, trainY, validX, validY) = Data.LoadOrSynthesize(trainCount: 6000, validCount: 1000);
var model = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10));
var crossEntropy = nn.CrossEntropyLoss();
using var learn = new Learner(model, new TensorBatches(trainX, trainY, batchSize: 64, shuffle: true), new TensorBatches(validX, validY, batchSize: 500),
    (prediction, target) => crossEntropy.forward(prediction, target));
learn.Metrics.Add(new Accuracy());

// fastai's lr_find: the model and optimizer come back unchanged afterwards.
var found = learn.LrFind();
var lr = found.Suggestions?.Valley ?? 1e-3;
Console.WriteLine($"lr_find suggests valley {lr:0.00e+0} (steep {found.Suggestions?.LrSteep:0.00e+0})");

// fastai's fit_one_cycle at that rate: the learning rate warms up and anneals, momentum moves the other way.
var recorder = learn.FitOneCycle(2, lrMax: lr);
Console.WriteLine(recorder.FormatTable());

Directory.CreateDirectory(output);
found.Curve.PlotLrFind(Path.Combine(output, "lr_find.png"));          // fastai: learn.recorder.plot_lr_find()
recorder.Hypers.ToRecordedSchedule().PlotSchedule(Path.Combine(output, "sched.png"));  // fastai: learn.recorder.plot_sched()
Console.WriteLine($"wrote {Path.Combine(output, "lr_find.png")} and {Path.Combine(output, "sched.png")}");

/// <summary>Fashion-MNIST from Debian's files (<see cref="IdxDatasets"/>), or synthetic data without them.</summary>
internal static class Data
{
    public static (Tensor TrainX, Tensor TrainY, Tensor ValidX, Tensor ValidY) LoadOrSynthesize(int trainCount, int validCount)
    {
        if (!IdxDatasets.IsAvailable())
        {
            Console.WriteLine($"no Fashion-MNIST in {IdxDatasets.DebianFashionMnist}: synthetic data instead");
            var (x, y) = Synthesize(trainCount + validCount);
            return (x[..trainCount], y[..trainCount], x[trainCount..], y[trainCount..]);
        }
        var (trainX, trainY) = IdxDatasets.LoadFashionMnist(train: true, limit: trainCount);
        var (validX, validY) = IdxDatasets.LoadFashionMnist(train: false, limit: validCount);
        return (trainX, trainY, validX, validY);
    }

    // Ten noisy prototypes: a task the same model can learn, so the LR finder's curve has its usual shape.
    private static (Tensor X, Tensor Y) Synthesize(int count)
    {
        var prototypes = rand(10, 784);
        var labels = randint(0, 10, [count], ScalarType.Int64);
        return (prototypes[labels] + (0.5f * randn(count, 784)), labels);
    }
}
