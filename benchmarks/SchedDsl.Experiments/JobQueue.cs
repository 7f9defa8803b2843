using System.Collections.Concurrent;
using System.Diagnostics;

namespace SchedDsl.Experiments;

/// <summary>
/// Runs independent jobs on a fixed number of worker threads, each job on whichever worker is free. A job's result
/// depends only on its seed and arm (models are created under <see cref="Seeding"/>'s lock, batch orders are seeded
/// per learner), so the numbers are the same whatever the order or the number of workers.
/// </summary>
internal static class JobQueue
{
    public static void Run(IReadOnlyList<Job> jobs, int workers, Func<int, Job, Lane> lane, TextWriter log)
    {
        var queue = new ConcurrentQueue<Job>(jobs);
        var done = 0;
        var threads = Enumerable.Range(0, Math.Max(1, Math.Min(workers, jobs.Count))).Select(index => Task.Factory.StartNew(() =>
        {
            while (queue.TryDequeue(out var job))
            {
                var own = lane(index, job);
                if (own.Index == 0)
                {
                    // Lane 0's live progress follows this line, so the progress reads as this job's.
                    lock (log)
                    {
                        log.WriteLine($"-> {job.Label}");
                    }
                }
                var clock = Stopwatch.StartNew();
                var outcome = job.Run(own);
                var count = Interlocked.Increment(ref done);
                lock (log)
                {
                    log.WriteLine($"[{count}/{jobs.Count}] {job.Label}: {outcome} ({clock.Elapsed.TotalSeconds:F0} s)");
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        Task.WaitAll(threads);
    }
}
