using Xunit;

namespace SchedDsl.Core.Tests.Composition;

/// <summary>A combine past one chunk of its segment table (1,024 segments; Cases/SegmentTable.cs).</summary>
public sealed class LongCombineTests
{
    private const int Parts = 2500;

    private static Sched Long(double shift) => Sched.CombineScheds(
        Enumerable.Repeat(1.0 / Parts, Parts),
        Enumerable.Range(0, Parts).Select(i => i % 2 == 0 ? Sched.Lin(i + shift, i + 1) : Sched.Cos(i + shift, i + 1)));

    [Fact]
    public void Each_part_runs_in_its_own_share_in_every_chunk()
    {
        var s = Long(0);
        // The middle of part i is its annealer at 0.5: exact for lin, and cos(a, b, 0.5) is their midpoint too.
        foreach (var i in new[] { 0, 1023, 1024, 1025, 2047, 2048, Parts - 1 })
        {
            Assert.Equal(i + 0.5, s.At((i + 0.5) / Parts), 1e-9);
        }
        Assert.Equal(Parts, s.At(1), 1e-9);
    }

    [Fact]
    public void Equality_and_hash_read_every_chunk()
    {
        Assert.Equal(Long(0), Long(0));
        Assert.Equal(Long(0).GetHashCode(), Long(0).GetHashCode());
        Assert.NotEqual(Long(0), Long(0.25));
    }

    [Fact]
    public void Text_and_json_round_trips_keep_it()
    {
        var s = Long(0);
        Assert.Equal(s, Sched.Parse(s.ToString()));
        Assert.Equal(s, Serialization.SchedJson.Deserialize(Serialization.SchedJson.Serialize(s)));
    }

    [Fact]
    public void Groups_evaluate_it_as_each_schedule_alone()
    {
        Sched[] scheds = [Long(0), Long(0.25)];
        var groups = new SchedGroups(scheds);
        var together = new double[2];
        foreach (var pos in new[] { 0.0, 0.2, 1023.5 / Parts, 1024.5 / Parts, 0.9, 1.0 })
        {
            groups.At(pos, together);
            Assert.Equal(scheds[0].At(pos), together[0]);
            Assert.Equal(scheds[1].At(pos), together[1]);
        }
    }
}
