using SchedDsl.Docs.Tests.Api;
using SchedDsl.Tests.Shared;
using Xunit;

namespace SchedDsl.Docs.Tests;

/// <summary>
/// The docs name only public API that exists: every <c>`Type.Member`</c> in README.md and docs/*.md whose type is
/// SchedDsl's must be in the PublicAPI baselines (<see cref="ApiNames"/> says what is checked). Old names are allowed
/// in docs/migration.md's first table column (the "before" side) and on lines marked
/// <see cref="CodeSpan.HistoricalMarker"/> (a measurement taken with an API since replaced).
/// </summary>
public sealed class DocsApiNamesTests
{
    public static TheoryData<string> Docs =>
        [.. Directory.GetFiles(Path.Combine(Repository.Root, "docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)).Order().Prepend("README.md")];

    [Theory]
    [MemberData(nameof(Docs))]
    public void Every_SchedDsl_name_in_backticks_is_public_API(string doc)
    {
        var problems = CodeSpan.Read(doc)
            .Where(s => !s.Historical && !(doc == "docs/migration.md" && s.Cell == 0))
            .SelectMany(s => ApiNames.In(s.Text).Select(ApiNames.Problem).OfType<string>().Select(p => $"{s}: {p}"))
            .ToList();
        Assert.True(problems.Count == 0,
            $"{doc} names API that is not in the PublicAPI baselines (fix the name, or mark a deliberately historical line with {CodeSpan.HistoricalMarker}):\n{string.Join("\n", problems)}");
    }

    [Theory]
    [InlineData("ScheduleRunner.Step()", "has no public member Step")]
    [InlineData("TypedScheduleRunner<T>", "was public in the previous release")]
    [InlineData("SchedDsl.Text.SchedText.Parse", "was public in the previous release")]
    [InlineData("SchedDsl.Text", "namespace SchedDsl.Text is gone")]
    public void Stale_names_are_caught(string code, string expected)
    {
        var problems = ApiNames.In(code).Select(ApiNames.Problem).OfType<string>().ToList();
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ScheduleRunner.Apply(step)")]
    [InlineData("Learner.fit_one_cycle")] // fastai's name
    [InlineData("OneCycleLR.step()")] // PyTorch's
    [InlineData("learn.Recorder.Hypers")] // a variable
    [InlineData("SchedParseException.Message")] // inherited from Exception
    [InlineData("SchedDsl.Core.Tests")] // a project, not a namespace
    [InlineData("Sched.PlotSchedule")] // an extension method on Sched
    [InlineData("ParamScheduler({'lr': …})")] // fastai's class, which the previous release's removed type shared
    [InlineData("FunctionTable.Declarations")] // public in the previous release, internal machinery now
    [InlineData("[SchedText(\"one_cycle(0.01)\")]")] // the attribute SchedTextAttribute
    [InlineData("Learner.Groups.cs")] // a file
    public void Current_and_foreign_names_pass(string code)
    {
        Assert.Empty(ApiNames.In(code).Select(ApiNames.Problem).OfType<string>());
    }
}
