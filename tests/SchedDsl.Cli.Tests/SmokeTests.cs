using Xunit;

namespace SchedDsl.Cli.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Builds() => Assert.True(true);
}
