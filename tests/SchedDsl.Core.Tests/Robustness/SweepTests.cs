using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using SchedDsl.Serialization;
using Xunit;

namespace SchedDsl.Core.Tests.Robustness;

/// <summary>
/// Issue 12's random sweep as tests (counts: docs/robustness.md; <c>SCHEDDSL_SWEEP=large</c> for the local run):
/// random and mutated texts only ever parse or give a parse error; random and mutated JSON only ever reads or gives
/// a <see cref="JsonException"/>, and what reads writes back to the same schedule; every valid schedule is finite at
/// every position for every group count it accepts; evaluation from 8 threads gives the single-threaded bits.
/// </summary>
public sealed class SweepTests
{
    private const string JsonAlphabet = "{}[]\":,0123456789.eE+- fnstartopslice_cos";

    private static readonly Gen<string> MutatedJson =
        from sched in Arbitraries.Schedule
        let json = SchedJson.Serialize(sched)
        from edits in Gen.Choose(1, 4)
        from mutations in Gen.Choose(0, 2).SelectMany(kind => Gen.Choose(0, json.Length).SelectMany(at => Gen.Elements(JsonAlphabet.ToCharArray()).Select(c => (kind, at, c)))).ArrayOf(edits)
        select mutations.Aggregate(json, Text.RobustnessTests.Mutate);

    private static readonly Gen<string> RandomJson = Gen.OneOf(
        Gen.Elements(JsonAlphabet.ToCharArray()).ArrayOf().Select(c => new string(c)),
        Gen.Elements("{", "}", "[", "]", ",", ":", "\"fn\"", "\"cos\"", "\"slice\"", "\"start\"", "\"stop\"", "\"end\"", "\"scheds\"", "\"pcts\"", "1", "1e999", "-0", "0.5", "\"one_cycle(1e-2)\"", "null", "true")
            .ArrayOf().Select(parts => string.Concat(parts)));

    private static bool ReadsOrReportsAJsonError(string json)
    {
        Sched sched;
        try
        {
            sched = SchedJson.Deserialize(json);
        }
        catch (JsonException error)
        {
            return error.Message.Length > 0;
        }
        return SchedJson.Deserialize(SchedJson.Serialize(sched)) == sched;
    }

    [Fact]
    public void Random_and_mutated_json_only_ever_reads_or_gives_a_json_error()
    {
        SweepCheck.Run(Prop.ForAll(RandomJson.ToArbitrary(), ReadsOrReportsAJsonError), ci: 500, large: 200_000);
        SweepCheck.Run(Prop.ForAll(MutatedJson.ToArbitrary(), ReadsOrReportsAJsonError), ci: 500, large: 200_000);
    }

    /// <summary>0 and 1, the grid a 7-step run sees, and arbitrary positions.</summary>
    private static readonly Gen<double[]> SomePositions =
        Gen.Choose(0, 1_000_000).Select(i => i / 1e6).ArrayOf(16).Select(p => p.Concat(Positions.Grid(7)).Append(0).Append(1).ToArray());

    [Fact]
    public void Every_valid_schedule_is_finite_at_every_position_for_every_group_count_it_accepts()
    {
        var property = Prop.ForAll(Arbitraries.Schedule.ToArbitrary(), SomePositions.ToArbitrary(), (sched, positions) =>
        {
            foreach (var groups in new[] { 1, 2, 3, 5 })
            {
                SchedGroups scheds;
                try
                {
                    scheds = sched.ForGroups(groups);
                }
                catch (ArgumentException)
                {
                    continue; // a list of another length: not a valid use, and said so
                }
                foreach (var one in scheds)
                {
                    foreach (var pos in positions)
                    {
                        if (!double.IsFinite(one.At(pos)))
                        {
                            return false.Label($"{sched} for {groups} groups at {pos:R} gives {one.At(pos):R}");
                        }
                    }
                }
            }
            return true.Label("finite");
        });
        SweepCheck.Run(property, ci: 300, large: 100_000);
    }

    [Fact]
    public void Texts_from_random_valid_schedules_parse_back_equal()
    {
        var property = Prop.ForAll(Arbitraries.Schedule.ToArbitrary(), sched => Sched.Parse(sched.ToString()) == sched);
        SweepCheck.Run(property, ci: 300, large: 100_000);
    }

    [Fact]
    public void Evaluation_from_8_threads_gives_the_single_threaded_bits()
    {
        var count = SchedDsl.Tests.Shared.Sweep.Count(200, 5_000);
        var scheds = Arbitraries.Schedule.Sample(10, count)
            .SelectMany(s => TryGroups(s))
            .ToArray();
        var positions = Positions.Grid(64).Append(1.0).ToArray();
        var expected = scheds.Select(s => positions.Select(s.At).ToArray()).ToArray();
        var texts = scheds.Select(s => s.ToString()).ToArray();
        var mismatches = 0;
        using var start = new Barrier(8);
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var round = 0; round < 4; round++)
            {
                // Each thread walks the schedules from a different offset, so threads meet on the same values.
                for (var k = 0; k < scheds.Length; k++)
                {
                    var i = (k + (t * scheds.Length / 8)) % scheds.Length;
                    for (var j = 0; j < positions.Length; j++)
                    {
                        if (BitConverter.DoubleToInt64Bits(scheds[i].At(positions[j])) != BitConverter.DoubleToInt64Bits(expected[i][j]))
                        {
                            Interlocked.Increment(ref mismatches);
                        }
                    }
                    if (scheds[i].ToString() != texts[i] || Sched.Parse(texts[i]) != scheds[i])
                    {
                        Interlocked.Increment(ref mismatches);
                    }
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Equal(0, mismatches);
    }

    private static Sched[] TryGroups(Sched sched)
    {
        if (!sched.IsPerGroup)
        {
            return [sched];
        }
        foreach (var groups in new[] { 2, 3, 1 })
        {
            try
            {
                return [.. sched.ForGroups(groups)];
            }
            catch (ArgumentException)
            {
            }
        }
        return [];
    }
}
