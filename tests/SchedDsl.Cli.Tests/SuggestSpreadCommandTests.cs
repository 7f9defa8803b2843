using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace SchedDsl.Cli.Tests;

/// <summary>
/// <c>schedsl suggest A.json B.json …</c>: each curve suggested alone (as the one-curve command suggests it), then each
/// suggestion's median, range and per-curve values; curves of different lengths; what it refuses.
/// </summary>
public sealed class SuggestSpreadCommandTests
{
    private static readonly JsonNode Curves = JsonNode.Parse(File.ReadAllText(ReferenceFile()))!["lr_find_curves"]!;

    private static readonly string[] Methods = ["minimum", "steep", "valley", "slide"];

    [Fact]
    public async Task Several_curves_of_different_lengths_print_each_one_alone_suggestion_and_their_median_and_range()
    {
        string[] names = ["noisy_u", "diverges_early", "monotone_decreasing"];
        var files = names.Select(n => CurveFile(n)).ToArray();
        Assert.Equal(3, names.Select(n => Curves[n]!["lrs"]!.AsArray().Count).Distinct().Count()); // three lengths

        var (exitCode, stdout, stderr) = await CliHarness.Run(["suggest", .. files, "--trim"]);
        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        var printed = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(["runs", .. Methods], printed.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, printed.GetProperty("runs").GetInt32());

        var alone = new List<JsonElement>();
        foreach (var file in files)
        {
            alone.Add(JsonDocument.Parse((await CliHarness.Run("suggest", file, "--trim")).Stdout).RootElement);
        }
        foreach (var method in Methods)
        {
            var s = printed.GetProperty(method);
            var perRun = alone.Select(a => a.GetProperty(method).GetDouble()).ToArray();
            // The per-curve values are the one-curve command's, printed the same way: equal to the last digit.
            Assert.Equal(perRun, s.GetProperty("per_run").EnumerateArray().Select(v => v.GetDouble()));
            var sorted = perRun.Order().ToArray();
            Assert.Equal(sorted[0], s.GetProperty("low").GetDouble());
            Assert.Equal(sorted[1], s.GetProperty("median").GetDouble()); // three curves: the middle one
            Assert.Equal(sorted[2], s.GetProperty("high").GetDouble());
            Assert.Equal(sorted[2] / sorted[0], s.GetProperty("factor").GetDouble());
        }
    }

    [Fact]
    public async Task A_curve_too_short_for_slide_is_null_in_per_run_and_left_out_with_a_warning()
    {
        // stops_too_early keeps 12 points after --trim: enough for minimum, steep and valley, not for slide's 16.
        var files = new[] { CurveFile("noisy_u"), CurveFile("stops_too_early") };
        var (exitCode, stdout, stderr) = await CliHarness.Run("suggest", files[0], files[1], "--trim");
        Assert.Equal(0, exitCode);
        var slide = JsonDocument.Parse(stdout).RootElement.GetProperty("slide");
        Assert.Equal(JsonValueKind.Null, slide.GetProperty("per_run")[1].ValueKind);
        Assert.Equal(slide.GetProperty("per_run")[0].GetDouble(), slide.GetProperty("median").GetDouble());
        Assert.Equal($"warning: slide needs at least 16 points after --trim; 1 of 2 curves have fewer ({files[1]}), left out of its median and range", stderr);
    }

    [Fact]
    public async Task A_curve_too_short_for_every_suggestion_is_one_line_and_exit_code_2()
    {
        var shortCurve = TempFile("short", """{"lrs":[1e-3],"losses":[2.0]}""");
        await ExpectError($"error: {shortCurve}: the curve has 1 point; with several curves each needs at least 2 (steep compares two)",
            CurveFile("noisy_u"), shortCurve);
    }

    [Fact]
    public async Task A_non_finite_loss_among_the_points_suggested_from_is_one_line_and_exit_code_2()
    {
        // Untrimmed, nan_tail ends in NaN: fastai's minimum would point at the NaN. --trim cuts there and it is accepted.
        var nanTail = CurveFile("nan_tail");
        var firstNaN = Curves["nan_tail"]!["losses"]!.AsArray().Select(n => n!.ToJsonString()).ToList().IndexOf("\"NaN\"");
        await ExpectError($"error: {nanTail}: losses[{firstNaN}] is NaN; the median and range of several curves need finite losses: "
            + "pass --trim (it cuts at the first NaN) or cut the curve", CurveFile("noisy_u"), nanTail);
        Assert.Equal(0, (await CliHarness.Run("suggest", CurveFile("noisy_u"), nanTail, "--trim")).ExitCode);

        // --trim keeps points 0-2 of these 8 (num_it // 10 = 0 in front, 5 at the end): the Infinity stays.
        var infinite = TempFile("inf", """{"lrs":[1e-7,1e-6,1e-5,1e-4,1e-3,1e-2,1e-1,1],"losses":[2,"Infinity",1,1,1,1,1,1],"num_it":8}""");
        await ExpectError($"error: {infinite}: losses[1] is Infinity; the median and range of several curves need finite losses: "
            + "--trim cuts at the first NaN only, so cut the curve before an infinite loss", CurveFile("noisy_u"), infinite, "--trim");
    }

    [Fact]
    public async Task Other_bad_curves_name_their_file_and_stdin_is_read_once()
    {
        var mismatched = TempFile("mismatch", """{"lrs":[1e-3,1e-2],"losses":[1.0]}""");
        await ExpectError($"error: {mismatched}: lr_find: losses must have one value per learning rate: lrs has 2 points, losses has 1",
            CurveFile("noisy_u"), mismatched);
        var notJson = TempFile("notjson", "{\"lrs\":");
        var (_, _, stderr) = await CliHarness.Run("suggest", CurveFile("noisy_u"), notJson);
        Assert.StartsWith($"error: {notJson}: not valid JSON: ", stderr, StringComparison.Ordinal);
        await ExpectError("error: stdin ('-') can be given once", "-", "-");
    }

    private static async Task ExpectError(string message, params string[] args)
    {
        var (exitCode, stdout, stderr) = await CliHarness.Run(["suggest", .. args]);
        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Equal(message, stderr);
    }

    private static string TempFile(string name, string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"schedsl-spread-{name}-{Environment.ProcessId}.json");
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>A temporary file with a reference curve's lrs, losses (NaN as "NaN") and num_it.</summary>
    private static string CurveFile(string curve)
    {
        var source = Curves[curve]!;
        var json = new JsonObject
        {
            ["lrs"] = source["lrs"]!.DeepClone(),
            ["losses"] = source["losses"]!.DeepClone(),
            ["num_it"] = source["num_it"]!.GetValue<int>(),
        };
        return TempFile(curve, json.ToJsonString());
    }

    private static string ReferenceFile([CallerFilePath] string here = "")
    {
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "reference", "fastai_reference.json"));
        return File.Exists(path) ? path : throw new FileNotFoundException($"reference data not found at {path}", path);
    }
}
