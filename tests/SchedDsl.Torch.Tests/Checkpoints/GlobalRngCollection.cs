using Xunit;

namespace SchedDsl.Torch.Tests;

/// <summary>
/// Tests that assert on torch's process-wide generator: run after the parallel tests, one at a time, so no other test
/// draws from the generator between a test's two reads of it.
/// </summary>
[CollectionDefinition(nameof(GlobalRngCollection), DisableParallelization = true)]
public sealed class GlobalRngCollection;
