using Xunit;

namespace SchedDsl.Demo.Tests;

/// <summary>
/// The demo's bad invocations: exit code 2, exactly one line <c>error: …</c> on stderr that says what is allowed,
/// nothing on stdout, no stack trace, no hang — checked before any data is loaded or any training starts.
/// </summary>
public sealed class BadInvocationTests
{
    public static TheoryData<string[], string> Cases()
    {
        var cases = new TheoryData<string[], string>
        {
            { ["--out", "/proc/no-such-folder/demo"], "--out /proc/no-such-folder/demo: cannot create the folder" },
            // Every output path is checked before any data is loaded (issue 22 item 15); /proc accepts no new files, even
            // from root, and .NET's own messages there ("Could not find file", "Access denied") mislead.
            { ["--out", "/proc"], "--out /proc: cannot write in the folder: this file system does not allow creating it" },
            { ["--csv", "/proc/h.csv"], "--csv /proc/h.csv: cannot write the file: this file system does not allow creating it" },
            { ["--csv", "/proc"], "--csv /proc: this is a folder; --csv names a file" },
            { ["--tensorboard", "/proc/tb"], "--tensorboard /proc/tb: cannot create the folder: " },
            { ["--tensorboard", "/proc/version"], "--tensorboard /proc/version: this is a file; --tensorboard names a folder" },
            { ["--checkpoint", "/proc/ckpt"], "--checkpoint /proc/ckpt: cannot create the folder: " },
            { ["--resume", "/proc"], "--resume /proc: no last.ckpt there" },
            // Devices: checked before torch.device, which throws InvalidOperationException without CUDA.
            { ["--device", "foo"], $"--device must be {DemoDevice.Allowed}, got 'foo'" },
            { ["--device", "cuda:x"], $"--device must be {DemoDevice.Allowed}, got 'cuda:x'" },
            { ["--device", "cuda:99"], "--device cuda:99: " },
            // Counts.
            { ["--epochs", "0"], "--epochs must be >= 1, got 0" },
            { ["--train-samples", "-1"], "--train-samples must be >= 1, got -1" },
            { ["--checkpoint-every", "-5"], "--checkpoint-every must be >= 0, got -5" },
            { ["--epochs", "abc"], "'abc'" },
            // The clock and the batch sizes (issue 18).
            { ["--clock", "tokens"], "--clock tokens counts a sequence model's tokens (Learner.TokensPerBatch); the demo trains an image model, which has none" },
            { ["--clock", "hours"], "--clock must be batches, updates or samples, got 'hours'" },
            { ["--replan", "squeeze"], "--replan must be stretch or hold-then-decay, got 'squeeze'" },
            { ["--batch-size", "0"], "--batch-size must be >= 1, got 0" },
            { ["--accumulate", "0"], "--accumulate must be >= 1, got 0" },
            { ["--lr", "-1"], "--lr must be a finite number > 0, got -1" },
            // --schedule takes any text form, adaptive ones included (issue 19): bad text is one line, before training.
            { ["--schedule", "plateau(1e-3, factor=2)"], "--schedule: line 1, column 22: plateau: factor must be in (0, 1), got 2" },
            { ["--schedule", "one_cycle(0.01, div=0"], "--schedule: line 1, column 22: expected ',' or ')', found end of text" },
            { ["--train-samples", "1000", "--batch-size", "100", "--accumulate", "11"], "--accumulate 11 is more than the 10 batches of an epoch" },
            // The app runs the demo directly: the old tool verb is an unknown argument, not a command.
            { ["demo"], "'demo'" },
        };
        if (!TorchSharp.torch.cuda.is_available())
        {
            cases.Add(["--device", "cuda"], "--device cuda: CUDA is not available on this machine");
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_bad_invocation_is_one_error_line_on_stderr_and_exit_code_2(string[] args, string message)
    {
        var (exitCode, stdout, stderr) = await DemoHarness.Run(args).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        AssertOneErrorLine(stderr, message);
    }

    [Fact]
    public void Missing_fashion_mnist_is_one_error_line_on_stderr()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var options = new DemoOptions { DataDirectory = "/no/such/fashion-mnist" };
        Assert.Equal(2, ErrorLine.Run(stderr, () => DemoCommand.Run(options, stdout)));
        Assert.Equal("", stdout.ToString());
        AssertOneErrorLine(stderr.ToString().Trim(), "Fashion-MNIST not found in /no/such/fashion-mnist");
    }

    private static void AssertOneErrorLine(string stderr, string message)
    {
        var lines = stderr.Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(message, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", lines[0], StringComparison.Ordinal);
    }
}
