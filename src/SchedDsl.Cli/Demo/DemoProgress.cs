using SchedDsl.Torch;
using Spectre.Console;
using Recorder = SchedDsl.Torch.Recorder;

namespace SchedDsl.Cli.Demo;

/// <summary>
/// A live progress bar per epoch (Spectre.Console) while a fit runs, and fastai's results table after it; plain
/// result lines, no bar, when the output is not an interactive terminal.
/// </summary>
internal sealed class DemoProgress(IAnsiConsole console, bool live) : Callback
{
    private ProgressContext? _context;
    private ProgressTask? _task;

    public override int Order => 100;

    /// <summary>Runs <paramref name="fit"/> with the bar shown (when live), then prints the recorder's table.</summary>
    public Recorder Run(string title, Func<Recorder> fit)
    {
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        Recorder? recorder = null;
        if (live)
        {
            console.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    _context = ctx;
                    try
                    {
                        recorder = fit();
                    }
                    finally
                    {
                        _context = null;
                    }
                });
        }
        else
        {
            recorder = fit();
        }
        PrintTable(recorder!);
        return recorder!;
    }

    public override void BeforeFit(FitContext context)
    {
        if (!live)
        {
            console.WriteLine(context.Recorder.FormatHeader());
        }
    }

    public override void BeforeEpoch(FitContext context)
    {
        _task = _context?.AddTask($"epoch {context.Epoch + 1}/{context.EpochCount}", maxValue: context.BatchCount);
    }

    public override void AfterBatch(FitContext context)
    {
        if (_task is not null)
        {
            _task.Increment(1);
            _task.Description = $"epoch {context.Epoch + 1}/{context.EpochCount} loss {context.SmoothLoss:F4}";
        }
    }

    public override void AfterEpoch(FitContext context)
    {
        _task?.StopTask();
        if (!live && context.LastEpoch is { } row)
        {
            console.WriteLine(Recorder.FormatRow(row));
        }
    }

    private void PrintTable(Recorder recorder)
    {
        if (!live)
        {
            return;
        }
        var table = new Table().AddColumns(["epoch", "train_loss", "valid_loss", .. recorder.MetricNames, "time"]);
        foreach (var row in recorder.Epochs)
        {
            table.AddRow(Recorder.FormatRow(row).Split("  ", StringSplitOptions.RemoveEmptyEntries).Select(c => Markup.Escape(c.Trim())).ToArray());
        }
        console.Write(table);
    }
}
