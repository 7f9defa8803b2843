using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Tests;

/// <summary>
/// Checkpoints edited by hand and sealed again with a valid SHA-256 (anyone can write one): each is refused with a
/// <see cref="CheckpointException"/> that names what is wrong, the learner's weights, trainable flags, optimizer (state
/// and options), recorder and torch's RNG are left as they were, and the process lives.
/// </summary>
[Collection(nameof(GlobalRngCollection))]
public sealed class CraftedCheckpointTests : IDisposable
{
    private const int Epochs = 2;
    private static readonly Hyper LrMax = Hyper.Slice(1e-3, 3e-2);

    /// <summary>A checkpoint of <see cref="Resume"/>'s fit, taken mid-way through its second epoch (step 6 of 10:
    /// KillAfter stops the fit before its batch's checkpoint).</summary>
    private static readonly Lazy<string> Valid = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("schedsl-crafted-").FullName;
        using var learn = ResumeRig.Learner(fromStart: true);
        var checkpoints = new CheckpointCallback(folder, everySteps: 1);
        Assert.Throws<KilledException>(() => learn.FitOneCycle(Epochs, LrMax, callbacks: [checkpoints, new KillAfter(ResumeRig.BatchCount + 2)]));
        return checkpoints.LastPath;
    });

    private readonly string _folder = Directory.CreateTempSubdirectory("schedsl-crafted-").FullName;

    private enum Entry
    {
        Resume,
        Load,
    }

    public static TheoryData<string> Cases => [.. Table.Keys];

    /// <summary>Each crafted file: how it is made from the valid one, how it is used, and what the message must name.</summary>
    private static Dictionary<string, (Func<CraftedFile, byte[]> Craft, Entry Entry, string Names)> Table { get; } = new()
    {
        // The header, as JSON.
        ["header not JSON"] = (f => f.WithHeader("hello").Payload(), Entry.Resume, "damaged header"),
        ["header {}"] = (f => f.WithHeader("{}").Payload(), Entry.Resume, "tensors"),
        ["header null"] = (f => f.WithHeader("null").Payload(), Entry.Resume, "empty header"),
        ["header an array"] = (f => f.WithHeader("[]").Payload(), Entry.Load, "damaged header"),
        ["tensors missing"] = (f => f.WithHeader(j => j.Remove("tensors")).Payload(), Entry.Load, "tensors"),
        ["tensors null"] = (f => f.WithHeader(j => j["tensors"] = null).Payload(), Entry.Load, "tensors"),
        ["a tensor entry null"] = (f => f.WithHeader(j => j["tensors"]!.AsArray()[0] = null).Payload(), Entry.Load, "tensor entry"),
        ["a negative size"] = (f => f.WithHeader(j => j["tensors"]![0]!["shape"]![0] = -8).Payload(), Entry.Load, "negative size"),
        ["a tensor twice"] = (f => f.WithHeader(j => j["tensors"]![1]!["name"] = "fc1.weight").Payload(), Entry.Load, "'fc1.weight' is listed twice"),
        ["requires_grad missing"] = (f => f.WithHeader(j => j.Remove("requires_grad")).Payload(), Entry.Load, "requires_grad"),
        ["every parameter frozen"] = (f => f.WithHeader(j => j["requires_grad"] = new JsonArray([.. j["requires_grad"]!.AsArray().Select(_ => (JsonNode)false)])).Payload(),
            Entry.Resume, "every parameter frozen"),
        ["param_groups -1"] = (f => f.WithHeader(j => j["param_groups"] = -1).Payload(), Entry.Load, "param_groups is -1"),
        ["step 20.5"] = (f => f.WithHeader(j => j["fit"]!["step"] = 20.5).Payload(), Entry.Resume, "$.fit.step"),
        ["step \"20\""] = (f => f.WithHeader(j => j["fit"]!["step"] = "20").Payload(), Entry.Resume, "$.fit.step"),
        ["step 1e10"] = (f => f.WithHeader(j => j["fit"]!["step"] = 1e10).Payload(), Entry.Resume, "$.fit.step"),
        ["step -1"] = (f => f.WithHeader(j => j["fit"]!["step"] = -1).Payload(), Entry.Resume, "step -1 is outside [0, 10]"),
        ["step past the fit"] = (f => f.WithHeader(j => j["fit"]!["step"] = 11).Payload(), Entry.Resume, "step 11 is outside [0, 10]"),
        ["epochs 0"] = (f => f.WithHeader(j => j["fit"]!["epochs"] = 0).Payload(), Entry.Resume, "epochs 0"),
        ["schedules missing"] = (f => f.WithHeader(j => j["fit"]!.AsObject().Remove("schedules")).Payload(), Entry.Resume, "schedules"),
        ["a schedule null"] = (f => f.WithHeader(j => j["fit"]!["schedules"]!["lr"] = null).Payload(), Entry.Resume, "a schedule without a text"),
        ["lr_scale missing"] = (f => f.WithHeader(j => j["fit"]!.AsObject().Remove("lr_scale")).Payload(), Entry.Resume, "lr_scale"),
        ["lr_scale NaN"] = (f => f.WithHeader(j => j["fit"]!["lr_scale"]![0] = "NaN").Payload(), Entry.Resume, "learning-rate scale NaN"),
        ["lr_scale of 1 group"] = (f => f.WithHeader(j => j["fit"]!["lr_scale"] = new JsonArray(1.0)).Payload(), Entry.Resume, "1 learning-rate scales, this learner has 3"),
        ["smooth_count -1"] = (f => f.WithHeader(j => j["fit"]!["smooth_count"] = -1).Payload(), Entry.Resume, "loss smoother"),
        ["a row null"] = (f => f.WithHeader(j => j["fit"]!["rows"]!.AsArray()[0] = null).Payload(), Entry.Resume, "a results row without metrics"),
        ["a row's metrics null"] = (f => f.WithHeader(j => j["fit"]!["rows"]![0]!["metrics"] = null).Payload(), Entry.Resume, "metrics"),
        ["a row of epoch 7"] = (f => f.WithHeader(j => j["fit"]!["rows"]![0]!["epoch"] = 7).Payload(), Entry.Resume, "epochs [7]"),
        ["a row with a metric"] = (f => f.WithHeader(j => j["fit"]!["rows"]![0]!["metrics"] = new JsonArray(0.5)).Payload(), Entry.Resume, "has 1 metrics, this learner has 0"),

        // The sections' framing.
        ["a section length past the end"] = (f => Patch(f.Payload(), 0, BitConverter.GetBytes(1L << 40)), Entry.Load, "header section announces 1099511627776 bytes"),
        ["a negative section length"] = (f => Patch(f.Payload(), 0, BitConverter.GetBytes(-5L)), Entry.Load, "header section announces -5 bytes"),
        ["bytes after the last section"] = (f => [.. f.Payload(), 1, 2, 3], Entry.Load, "3 bytes follow its last section"),

        // The RNG state (ATen's CPUGeneratorImplState: left at 8, seeded at 12, next at 16).
        ["RNG of 10 bytes"] = (f => (f with { Rng = new byte[10] }).Payload(), Entry.Resume, "RNG state has 10 bytes"),
        ["RNG not seeded"] = (f => (f with { Rng = Patch(f.Rng, 12, BitConverter.GetBytes(0)) }).Payload(), Entry.Resume, "not a valid Mersenne Twister state"),
        ["RNG left 0"] = (f => (f with { Rng = Patch(f.Rng, 8, BitConverter.GetBytes(0)) }).Payload(), Entry.Resume, "left 0,"),
        ["RNG next 625"] = (f => (f with { Rng = Patch(f.Rng, 16, BitConverter.GetBytes(625L)) }).Payload(), Entry.Resume, "next 625"),
        ["RNG caches a NaN sample"] = (f => (f with { Rng = Patch(Patch(f.Rng, 5024, BitConverter.GetBytes(double.NaN)), 5040, BitConverter.GetBytes(1)) }).Payload(),
            Entry.Resume, "normal sample that is not finite"),

        // The model section (TorchSharp's Module.save: count, then name, dtype, rank, sizes, data per tensor; parameters first,
        // so the last tensor is the buffer bn1.num_batches_tracked, an int64 of 8 bytes).
        ["model: a count of 10"] = (f => (f with { Model = Patch(f.Model, 0, [10]) }).Payload(), Entry.Load, "model section holds 10 tensors, this model has 11"),
        ["model: a float64 weight"] = (f => (f with { Model = Patch(f.Model, FirstDtypeAt(f), [7]) }).Payload(), Entry.Resume, "tensor 'fc1.weight' is Float64 [8, 4]"),
        ["model: a size changed"] = (f => (f with { Model = Patch(f.Model, FirstDtypeAt(f) + 2, [9]) }).Payload(), Entry.Load, "tensor 'fc1.weight' is Float32 [9, 4]"),
        ["model: a name changed"] = (f => (f with { Model = Patch(f.Model, 2, "x"u8.ToArray()) }).Payload(), Entry.Load, "tensor 'xc1.weight', which this model lacks"),
        ["model: a NaN weight"] = (f => (f with { Model = Patch(f.Model, FirstDtypeAt(f) + 4, BitConverter.GetBytes(float.NaN)) }).Payload(), Entry.Resume, "not finite"),
        ["model: cut short"] = (f => (f with { Model = f.Model[..^3] }).Payload(), Entry.Resume, "tensor 'bn1.num_batches_tracked' needs 8 bytes and 5 are left"),
        ["model: bytes after it"] = (f => (f with { Model = [.. f.Model, 0] }).Payload(), Entry.Load, "1 bytes follow its last tensor"),

        // The optimizer section (TorchSharp's save_state_dict: type name, counts, each group's options, each parameter's
        // state; AdamW's is step, exp_avg, exp_avg_sq and a has-max flag; the last parameter is head.bias, of size 1).
        ["optimizer: empty"] = (f => (f with { Optimizer = [] }).Payload(), Entry.Load, "optimizer section's head is cut"),
        ["optimizer: another type"] = (f => (f with { Optimizer = Patch(f.Optimizer, 5, "X"u8.ToArray()) }).Payload(), Entry.Resume, "holds AdamX state"),
        ["optimizer: a group count of 9"] = (f => (f with { Optimizer = Patch(f.Optimizer, 6, [9]) }).Payload(), Entry.Resume, "for 9 param groups"),
        ["optimizer: cut short"] = (f => (f with { Optimizer = f.Optimizer[..^3] }).Payload(), Entry.Resume, "optimizer section does not load"),
        ["optimizer: a max flag with no tensor"] = (f => (f with { Optimizer = Patch(f.Optimizer, f.Optimizer.Length - 1, [1]) }).Payload(), Entry.Load,
            "optimizer section does not load"),
        ["optimizer: bytes after it"] = (f => (f with { Optimizer = [.. f.Optimizer, 0] }).Payload(), Entry.Load, "1 bytes follow its optimizer state"),
        ["optimizer: a NaN moment"] = (f => (f with { Optimizer = Patch(f.Optimizer, f.Optimizer.Length - 5, BitConverter.GetBytes(float.NaN)) }).Payload(), Entry.Resume,
            "parameter 'head.bias' has exp_avg_sq values that are not finite"),
        ["optimizer: a negative step"] = (f => (f with { Optimizer = Patch(f.Optimizer, LastStepAt(f), BitConverter.GetBytes(-5L)) }).Payload(), Entry.Resume,
            "parameter 'head.bias' has step = -5, below 0"),
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_file_the_cases_start_from_resumes()
    {
        var path = Path.Combine(_folder, "same.ckpt");
        CraftedFile.Seal(path, CraftedFile.Read(Valid.Value).Payload());
        using var learn = ResumeRig.Learner(fromStart: false);
        Assert.Equal(Epochs, Resume(learn, path).Epochs.Count);
        // The offsets the optimizer cases patch: head.bias's AdamW step is 6 after 6 batches.
        Assert.Equal(6, BinaryPrimitives.ReadInt64LittleEndian(CraftedFile.Read(Valid.Value).Optimizer.AsSpan(LastStepAt(CraftedFile.Read(Valid.Value)))));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_crafted_file_is_refused_naming_what_is_wrong_and_the_learner_is_unchanged(string name)
    {
        var (craft, entry, names) = Table[name];
        var path = Path.Combine(_folder, "crafted.ckpt");
        CraftedFile.Seal(path, craft(CraftedFile.Read(Valid.Value)));
        using var learn = ResumeRig.Learner(fromStart: true);
        learn.FitOneCycle(1, 1e-2); // a learner with history: optimizer state, a recorder
        var before = new TorchState(learn.Model, learn.Optimizer);
        var recorder = learn.Recorder;
        var rng = RngBytes();

        var e = Assert.Throws<CheckpointException>(() =>
        {
            if (entry == Entry.Resume)
            {
                Resume(learn, path);
            }
            else
            {
                learn.Load(path);
            }
        });

        Assert.Contains(names, e.Message, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        before.AssertSame(learn.Model, learn.Optimizer);
        Assert.Same(recorder, learn.Recorder);
        Assert.Equal(rng, RngBytes());
    }

    [Fact]
    public void The_generator_states_libtorch_makes_pass_the_RNG_checks()
    {
        // The checks read ATen's CPUGeneratorImplState layout; a libtorch that changed it would fail here, not in a resume.
        Assert.Null(RngState.Problem(RngBytes()));
        manual_seed(42);
        Assert.Null(RngState.Problem(RngBytes()));
        _ = randn(3); // leaves a cached normal sample
        Assert.Null(RngState.Problem(RngBytes()));
    }

    [Fact]
    public void FineTune_without_a_frozen_phase_resumes_its_own_checkpoint()
    {
        using var uninterrupted = ResumeRig.Learner(fromStart: true);
        uninterrupted.FineTune(2, baseLr: 2e-2, freezeEpochs: 0);
        var checkpoints = new CheckpointCallback(_folder, everySteps: 1);
        using (var killed = ResumeRig.Learner(fromStart: true))
        {
            Assert.Throws<KilledException>(() => killed.FineTune(2, baseLr: 2e-2, freezeEpochs: 0, callbacks: [checkpoints, new KillAfter(7)]));
        }
        using var resumed = ResumeRig.Learner(fromStart: false);
        var result = resumed.FineTune(2, baseLr: 2e-2, freezeEpochs: 0, resumeFrom: checkpoints.LastPath);
        Assert.Null(result.Frozen);
        new TorchState(uninterrupted.Model, uninterrupted.Optimizer).AssertSame(resumed.Model, resumed.Optimizer);
    }

    [Fact]
    public void FineTune_refuses_another_fits_checkpoint_before_freezing_the_body()
    {
        using var learn = ResumeRig.Learner(fromStart: true);
        var before = new TorchState(learn.Model, learn.CreateOptimizer());
        var e = Assert.Throws<CheckpointException>(() => learn.FineTune(2, baseLr: 2e-2, resumeFrom: Valid.Value));
        Assert.Contains("belongs to another fit", e.Message, StringComparison.Ordinal);
        Assert.All(learn.Model.parameters(), p => Assert.True(p.requires_grad));
        before.AssertSame(learn.Model, learn.Optimizer);
    }

    [Fact]
    public void FineTune_without_a_frozen_phase_refuses_another_fits_checkpoint()
    {
        using var learn = ResumeRig.Learner(fromStart: true);
        var before = new TorchState(learn.Model, learn.CreateOptimizer());
        var e = Assert.Throws<CheckpointException>(() => learn.FineTune(2, baseLr: 2e-2, freezeEpochs: 0, resumeFrom: Valid.Value));
        Assert.Contains("belongs to another fit", e.Message, StringComparison.Ordinal);
        before.AssertSame(learn.Model, learn.Optimizer);
        Assert.Null(learn.Recorder);
    }

    private static Recorder Resume(Learner learn, string path) => learn.FitOneCycle(Epochs, LrMax, resumeFrom: path);

    private static byte[] RngBytes()
    {
        using var state = random.get_rng_state();
        return state.data<byte>().ToArray();
    }

    private static byte[] Patch(byte[] bytes, int at, byte[] value)
    {
        var copy = (byte[])bytes.Clone();
        value.CopyTo(copy, at);
        return copy;
    }

    /// <summary>The first tensor's dtype in the model section: after the count (1 byte) and its name (a length byte and the name).</summary>
    private static int FirstDtypeAt(CraftedFile f) => 2 + f.Model[1];

    /// <summary>head.bias's AdamW step: before the has-max flag (1 byte), exp_avg_sq and exp_avg (dtype, rank, size, 4 data bytes each).</summary>
    private static int LastStepAt(CraftedFile f) => f.Optimizer.Length - 1 - 7 - 7 - 8;
}
