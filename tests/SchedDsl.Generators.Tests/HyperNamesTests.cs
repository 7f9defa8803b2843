using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SchedDsl.Generators.Parsing;
using Xunit;

namespace SchedDsl.Generators.Tests;

public sealed class HyperNamesTests
{
    [Theory]
    [InlineData("LearningRate", "LearningRate", "lr")]
    [InlineData("momentum", "Momentum", "mom")]
    [InlineData("beta1", "Momentum", "mom")]
    [InlineData("beta2", "SquaredMomentum", "sqr_mom")]
    [InlineData("alpha", "SquaredMomentum", "sqr_mom")]
    [InlineData("weight_decay", "WeightDecay", "wd")]
    [InlineData("eps", "Eps", "eps")]
    [InlineData("lr_decay", "LrDecay", "lr_decay")]
    [InlineData("t0", "T0", "t0")]
    [InlineData("min_step", "MinStep", "min_step")]
    [InlineData("LRDecay", "LRDecay", "lr_decay")]
    public void Option_names_map_to_fastai_names(string member, string property, string text) =>
        Assert.Equal((property, text), HyperNames.ForOption(member));

    /// <summary>
    /// Snake-case option names (TorchSharp's style) survive PascalCase and back. Words after the first have two letters
    /// or more: <c>x_a_b</c> and <c>x_ab</c> both become <c>XAb</c>-like runs of capitals, which no rule can split.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property Snake_of_pascal_round_trips_snake_case_names() =>
        Prop.ForAll(SnakeNames().ToArbitrary(), name => HyperNames.Snake(HyperNames.Pascal(name)) == name);

    private static Gen<string> SnakeNames()
    {
        Gen<string> Word(int min) => Gen.Choose(min, 6)
            .SelectMany(n => Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz".ToCharArray()), n))
            .Select(chars => new string(chars));
        return Word(1).SelectMany(first => Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Word(2), n))
            .Select(rest => string.Join("_", new[] { first }.Concat(rest))));
    }
}
