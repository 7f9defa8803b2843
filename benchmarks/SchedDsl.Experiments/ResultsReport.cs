using System.Text;
using SchedDsl.Demo;
using SchedDsl.Torch;

namespace SchedDsl.Experiments;

/// <summary>Writes <c>results.md</c> (run plan, each part's tables, links to the pictures) into the output folder.</summary>
internal sealed class ResultsReport(Workbench bench, string plan, TimeSpan elapsed)
{
    public const string LrSuggestionsPicture = "lr_suggestions.png";
    public const string SchedulesPicture = "schedules.png";
    public const string UnfreezePicture = "unfreeze_loss.png";

    public string Path => bench.Output("results.md");

    public string Markdown { get; private set; } = "";

    /// <summary>Writes results.md: the run plan and the wall time, then <paramref name="sections"/> (each part's, with its pictures already drawn).</summary>
    public void Write(IEnumerable<string> sections)
    {
        var text = new StringBuilder()
            .AppendLine($"# Experiments ({bench.Budget.Name} budget)").AppendLine()
            .Append(plan).AppendLine($"- wall time: {elapsed.TotalMinutes:F1} min").AppendLine()
            .AppendLine(Comparison.Rule).AppendLine();
        foreach (var section in sections)
        {
            text.AppendLine(section);
        }
        Markdown = text.ToString();
        File.WriteAllText(Path, Markdown);
    }

    /// <summary>Draws experiments 1–3's pictures and returns their sections.</summary>
    public static string SeedsSections(
        Workbench bench, IReadOnlyList<SeedFinder> finders, Experiment1LrSuggestions.Outcome suggestions, RunResult[][] schedules, FineTuneRun[][] fineTunes)
    {
        LrSuggestionsPlot.Save(bench.Output(LrSuggestionsPicture), finders[0], suggestions);
        SchedulesPlot.Save(bench.Output(SchedulesPicture), schedules, finders[0].Suggestions.Valley);
        UnfreezeLossPlot.Save(bench.Output(UnfreezePicture), fineTunes);
        var groups = Splitters.ByChildren(DemoModel.GroupStarts)(DemoModel.Create(10)).Count;
        return new StringBuilder()
            .AppendLine("## 1. LR suggestions (FitOneCycle at each)").AppendLine()
            .AppendLine(Experiment1LrSuggestions.Table(suggestions))
            .AppendLine($"![LR finder with the accuracy each suggestion reached]({LrSuggestionsPicture})").AppendLine()
            .AppendLine("## 2. Schedules at equal budget").AppendLine()
            .AppendLine(Experiment2Schedules.Table(schedules))
            .AppendLine($"![validation accuracy per epoch per schedule, and the schedules]({SchedulesPicture})").AppendLine()
            .AppendLine("## 3. Discriminative learning rates in fine-tuning").AppendLine()
            .AppendLine(Experiment3FineTune.Table(fineTunes, groups))
            .AppendLine($"![training loss per batch around the unfreeze]({UnfreezePicture})")
            .ToString();
    }
}
