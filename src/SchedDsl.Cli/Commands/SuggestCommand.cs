using System.CommandLine;
using System.Text;
using SchedDsl.LrFinding;

namespace SchedDsl.Cli.Commands;

/// <summary>
/// <c>schedsl suggest [FILE...] [--trim]</c>: fastai's LR-finder suggestions for a recorded curve
/// <c>{"lrs":[…],"losses":[…],"num_it":N}</c> (<see cref="LrFindCurve"/>'s JSON) read from FILE or stdin, printed as
/// <c>{"minimum":…,"steep":…,"valley":…,"slide":…}</c>; for several FILEs (several runs), each suggestion's median
/// and range over them (<see cref="SuggestSpread"/>).
/// </summary>
/// <remarks>
/// Other properties of the input object are ignored, so a curve object from tests/reference/fastai_reference.json
/// works as it is. NaN losses may be written as the string "NaN". A suggestion the curve is too short for (slide
/// needs 16 points, steep 2) prints as null with a warning on stderr and the exit code stays 0; an invalid curve
/// (bad JSON, lengths that differ, a learning rate not &gt; 0, all losses NaN) is exit code 2.
/// </remarks>
internal static class SuggestCommand
{
    /// <summary>The order suggestions print in.</summary>
    internal static readonly LrSuggestionMethod[] Order =
        [LrSuggestionMethod.Minimum, LrSuggestionMethod.Steep, LrSuggestionMethod.Valley, LrSuggestionMethod.Slide];

    /// <param name="stdout">Where the JSON goes.</param>
    /// <param name="stderr">Where warnings and errors go.</param>
    /// <param name="stdin">The curve when no FILE is given (tests inject a reader); null for the console.</param>
    public static Command Create(TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "JSON file with {\"lrs\":[...],\"losses\":[...],\"num_it\":N}; stdin when omitted or '-'. "
                + "Several files (runs of the finder): each suggestion's median and range over them.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var trim = new Option<bool>("--trim")
        {
            Description = "First trim as fastai's lr_find does: drop the first num_it//10 and the last 5 points, cut at the first NaN loss.",
        };
        var command = new Command("suggest", "Print fastai's LR-finder suggestions (minimum, steep, valley, slide) for a recorded curve, "
            + "or their median and range over several curves.") { files, trim };
        command.SetAction(result => CliRunner.Run(stderr, () =>
        {
            var sources = result.GetValue(files) is { Length: > 0 } given ? given : ["-"];
            if (sources.Count(f => f == "-") > 1)
            {
                throw new CliError("stdin ('-') can be given once");
            }
            var texts = sources.Select(f => Read(f, stdin)).ToArray();
            if (texts.Length > 1)
            {
                stdout.WriteLine(SuggestSpread.Run(texts, result.GetValue(trim), stderr));
                return 0;
            }
            var (lrs, losses, numIt) = Parse(texts[0].Source, texts[0].Text);
            if (result.GetValue(trim))
            {
                (lrs, losses) = LrCurve.Trim(lrs, losses, numIt);
            }
            var all = LrSuggestions.All(lrs, losses);
            foreach (var method in Order.Where(m => all[m] is null))
            {
                stderr.WriteLine($"warning: {Name(method)} needs at least {LrSuggestions.RequiredPoints(method)} points, "
                    + $"the curve{(result.GetValue(trim) ? " after --trim" : "")} has {lrs.Length}; printing null");
            }
            stdout.WriteLine(Format(all));
            return 0;
        }));
        return command;
    }

    private static (string Source, string Text) Read(string file, TextReader? stdin)
    {
        if (file != "-")
        {
            return Directory.Exists(file)
                ? throw new CliError($"{file} is a folder; give the curve's JSON file, or pipe it in")
                : (file, File.ReadAllText(file));
        }
        if (stdin is null && !Console.IsInputRedirected)
        {
            throw new CliError("no FILE given and stdin is a terminal: pass a FILE or pipe the curve's JSON in");
        }
        return ("stdin", (stdin ?? Console.In).ReadToEnd());
    }

    /// <summary>The curve's JSON, in the one format <see cref="LrFindCurve"/> defines (SchedDsl.Torch's <c>LrFindResult.ToJson</c> writes it).</summary>
    internal static (double[] Lrs, double[] Losses, int NumIt) Parse(string source, string text)
    {
        try
        {
            var curve = LrFindCurve.FromJson(text);
            return ([.. curve.Lrs], [.. curve.Losses], curve.NumIt);
        }
        catch (FormatException error)
        {
            throw new CliError($"{source}: {error.Message}");
        }
    }

    private static string Name(LrSuggestionMethod method) => LrSuggestions.Name(method);

    private static string Format(LrSuggestionSet all)
    {
        var json = new StringBuilder("{");
        foreach (var method in Order)
        {
            json.Append(json.Length > 1 ? "," : "").Append('"').Append(Name(method)).Append("\":")
                .Append(all[method] is { } s ? JsonNumbers.Format(s.Lr) : "null");
        }
        return json.Append('}').ToString();
    }
}
