using System.Text;
using SchedDsl.Demo;
using SchedDsl.Torch;

namespace SchedDsl.Experiments;

/// <summary>Writes <c>results.md</c> (run plan, the three tables, links to the pictures) and the pictures into the output folder.</summary>
internal sealed class ResultsReport(Workbench bench, string plan, TimeSpan elapsed)
{
    public const string LrSuggestionsPicture = "lr_suggestions.png";
    public const string SchedulesPicture = "schedules.png";
    public const string UnfreezePicture = "unfreeze_loss.png";

    public string Path => bench.Output("results.md");

    public string Markdown { get; private set; } = "";

    public void Write(
        IReadOnlyList<SeedFinder> finders, Experiment1LrSuggestions.Outcome suggestions, RunResult[][] schedules, FineTuneRun[][] fineTunes)
    {
        LrSuggestionsPlot.Save(bench.Output(LrSuggestionsPicture), finders[0], suggestions);
        SchedulesPlot.Save(bench.Output(SchedulesPicture), schedules, finders[0].Suggestions.Valley);
        UnfreezeLossPlot.Save(bench.Output(UnfreezePicture), fineTunes);
        var groups = Splitters.ByChildren(DemoModel.GroupStarts)(DemoModel.Create(10)).Count;
        var text = new StringBuilder()
            .AppendLine($"# Experiments ({bench.Budget.Name} budget)").AppendLine()
            .Append(plan).AppendLine($"- wall time: {elapsed.TotalMinutes:F1} min").AppendLine()
            .AppendLine(Comparison.Rule).AppendLine()
            .AppendLine("## 1. LR suggestions (FitOneCycle at each)").AppendLine()
            .AppendLine(Experiment1LrSuggestions.Table(suggestions))
            .AppendLine($"![LR finder with the accuracy each suggestion reached]({LrSuggestionsPicture})").AppendLine()
            .AppendLine("## 2. Schedules at equal budget").AppendLine()
            .AppendLine(Experiment2Schedules.Table(schedules))
            .AppendLine($"![validation accuracy per epoch per schedule, and the schedules]({SchedulesPicture})").AppendLine()
            .AppendLine("## 3. Discriminative learning rates in fine-tuning").AppendLine()
            .AppendLine(Experiment3FineTune.Table(fineTunes, groups))
            .AppendLine($"![training loss per batch around the unfreeze]({UnfreezePicture})");
        Markdown = text.ToString();
        File.WriteAllText(Path, Markdown);
    }
}
