using Xunit;

namespace SchedDsl.Experiments.Tests;

public sealed class JobTests
{
    [Fact]
    public void A_label_becomes_a_file_name()
    {
        var job = new Job("seed 0, experiment 1: FitOneCycle(5, 2.51e-3) at minimum (lr_min/10)", _ => "");
        Assert.Equal("seed-0-experiment-1-fitonecycle-5-2.51e-3-at-minimum-lr-min-10", job.FileName);
    }

    [Fact]
    public void Every_job_runs_once_whatever_the_worker_count()
    {
        var runs = new int[20];
        var jobs = Enumerable.Range(0, runs.Length).Select(i => new Job($"job {i}", _ =>
        {
            Interlocked.Increment(ref runs[i]);
            return "done";
        })).ToList();
        JobQueue.Run(jobs, workers: 3, (index, _) => new Lane(index, () => []), TextWriter.Null);
        Assert.All(runs, count => Assert.Equal(1, count));
    }
}
