using Xunit;

namespace SchedDsl.Generators.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Builds() => Assert.True(true);
}
