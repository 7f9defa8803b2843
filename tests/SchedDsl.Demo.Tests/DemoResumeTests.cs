using System.Text.RegularExpressions;
using SchedDsl.Tests.Shared;
using Xunit;

namespace SchedDsl.Demo.Tests;

/// <summary>
/// Resume across processes: the demo killed with SIGKILL mid-epoch and resumed from its last checkpoint ends with the
/// same weights (the printed digest) as an uninterrupted run with the same seed.
/// </summary>
public sealed partial class DemoResumeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("scheddsl-resume-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [GeneratedRegex("weights sha256: ([0-9a-f]{64})")]
    private static partial Regex Digest();

    private string[] Args(string checkpoints, params string[] more) =>
    [
        "--no-fine-tune", "--epochs", "2", "--train-samples", "4096", "--threads", "1",
        "--out", Path.Combine(_dir, "out"), "--checkpoint", checkpoints, "--checkpoint-every", "5", .. more,
    ];

    [Fact]
    public async Task Killed_mid_epoch_and_resumed_prints_the_digest_of_an_uninterrupted_run()
    {
        RequiredData.FashionMnist();
        var cancel = TestContext.Current.CancellationToken;
        var (code, output) = await DemoProcess.RunToEnd(Args(Path.Combine(_dir, "whole")), cancel);
        Assert.True(code == 0, output);
        var expected = Digest().Match(output).Groups[1].Value;
        Assert.NotEmpty(expected);

        var checkpoints = Path.Combine(_dir, "killed");
        var last = Path.Combine(checkpoints, "last.ckpt");
        using (var killed = DemoProcess.Start(Args(checkpoints)))
        {
            // 32 batches an epoch, a checkpoint every 5: the first one lands mid-epoch 0; kill the process right there.
            while (!File.Exists(last) && !killed.HasExited)
            {
                await Task.Delay(10, cancel);
            }
            Assert.False(killed.HasExited, "the demo ended before its first checkpoint");
            killed.Kill(entireProcessTree: true);
            await killed.WaitForExitAsync(cancel);
        }

        var (resumedCode, resumed) = await DemoProcess.RunToEnd(Args(checkpoints, "--resume", checkpoints), cancel);
        Assert.True(resumedCode == 0, resumed);
        Assert.Equal(expected, Digest().Match(resumed).Groups[1].Value);
    }
}
