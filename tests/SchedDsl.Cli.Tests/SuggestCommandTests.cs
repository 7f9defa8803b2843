using System.CommandLine;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using SchedDsl.Cli.Commands;
using Xunit;

namespace SchedDsl.Cli.Tests;

/// <summary>
/// <c>schedsl suggest</c> on curves from tests/reference/fastai_reference.json (fastai's suggestion functions and
/// lr_find's trimming ported verbatim and run on PyTorch 1.13, float64 tensors): the printed lrs must be fastai's.
/// </summary>
public sealed class SuggestCommandTests
{
    // The same algorithms in the same (double) precision as the float64 reference: an ulp or two apart at most.
    private const double Float64 = 1e-12;

    private static readonly JsonNode Curves = JsonNode.Parse(File.ReadAllText(ReferenceFile()))!["lr_find_curves"]!;

    [Theory]
    [InlineData("noisy_u")]
    [InlineData("diverges_early")]
    [InlineData("monotone_decreasing")]
    [InlineData("nan_tail")]
    public async Task Trim_prints_what_fastai_lr_find_returns(string curve)
    {
        var path = CurveFile(curve);
        var (exitCode, stdout, stderr) = await CliHarness.Run("suggest", path, "--trim");
        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        ExpectFastai(curve, "lr_find_suggestions_float64", stdout);
    }

    [Theory]
    [InlineData("noisy_u")]
    [InlineData("nan_tail")]
    [InlineData("stops_too_early")]
    public async Task Without_trim_prints_the_functions_applied_to_the_curve_as_given(string curve)
    {
        var (exitCode, stdout, _) = await CliHarness.Run("suggest", CurveFile(curve));
        Assert.Equal(0, exitCode);
        ExpectFastai(curve, "raw_suggestions_float64", stdout);
    }

    [Fact]
    public async Task A_suggestion_the_curve_is_too_short_for_is_null_with_a_warning()
    {
        // stops_too_early keeps 12 points after trimming; fastai's slide raises IndexError there.
        var (exitCode, stdout, stderr) = await CliHarness.Run("suggest", CurveFile("stops_too_early"), "--trim");
        Assert.Equal(0, exitCode);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(stdout).RootElement.GetProperty("slide").ValueKind);
        Assert.Equal("warning: slide needs at least 16 points, the curve after --trim has 12; printing null", stderr);
        ExpectFastai("stops_too_early", "lr_find_suggestions_float64", stdout);
    }

    [Fact]
    public async Task Reads_stdin_when_no_file_is_given_and_num_it_defaults_to_the_point_count()
    {
        // noisy_u stopped at 83 points; without "num_it" the trim uses 83 and drops 8 points in front, not 10.
        var curve = Curves["noisy_u"]!;
        var input = new JsonObject { ["lrs"] = curve["lrs"]!.DeepClone(), ["losses"] = curve["losses"]!.DeepClone() }.ToJsonString();
        var (exitCode, stdout, stderr) = await RunWithStdin(input, "--trim");
        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        var viaFile = await CliHarness.Run("suggest", CurveFile("noisy_u", numIt: 83), "--trim");
        Assert.Equal(viaFile.Stdout, stdout);
        Assert.Equal(stdout, (await RunWithStdin(input, "-", "--trim")).Stdout);
    }

    [Fact]
    public async Task Prints_numbers_as_python_does()
    {
        // valley: the longest descent is points 0-1, so fastai's index is -1, which Python reads as the last point.
        var (exitCode, stdout, stderr) = await RunWithStdin("""{"lrs":[1e-7,1e-6,1e-5],"losses":[3,0.5,0.9]}""");
        Assert.Equal(0, exitCode);
        Assert.Equal("""{"minimum":1e-07,"steep":1e-07,"valley":1e-05,"slide":null}""", stdout);
        Assert.Equal("warning: slide needs at least 16 points, the curve has 3; printing null", stderr);
    }

    [Fact]
    public async Task Reads_the_json_LrFindCurve_writes_and_suggests_what_it_suggests()
    {
        var (lrs, losses, numIt) = (ReferenceDoubles(Curves["noisy_u"]!["lrs"]!), ReferenceDoubles(Curves["noisy_u"]!["losses"]!), Curves["noisy_u"]!["num_it"]!.GetValue<int>());
        var curve = new SchedDsl.LrFinding.LrFindCurve(lrs, losses, numIt);
        var (exitCode, stdout, stderr) = await RunWithStdin(curve.ToJson(), "--trim");
        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        var printed = JsonDocument.Parse(stdout).RootElement;
        var expected = curve.Suggest()!.Value;
        Assert.Equal(expected.Valley!.Value.Lr, printed.GetProperty("valley").GetDouble());
        Assert.Equal(expected.Steep!.Value.Lr, printed.GetProperty("steep").GetDouble());
    }

    private static double[] ReferenceDoubles(JsonNode node) =>
        [.. node.AsArray().Select(n => n!.GetValueKind() == JsonValueKind.String ? double.Parse(n.GetValue<string>(), CultureInfo.InvariantCulture) : n.GetValue<double>())];

    [Theory]
    [InlineData("{\"lrs\":[1e-3,1e-2", "stdin: not valid JSON: ")]
    [InlineData("[1, 2]", "stdin: expected an object {\"lrs\":[...],\"losses\":[...],\"num_it\":N}, got [1,2]")]
    [InlineData("{\"losses\":[1]}", "stdin: \"lrs\" must be an array of numbers, got nothing")]
    [InlineData("{\"lrs\":[1e-3,true],\"losses\":[1,2]}", "stdin: lrs[1] must be a number or \"NaN\", got true")]
    [InlineData("{\"lrs\":[1e-3,1e-2],\"losses\":[1,2],\"num_it\":2.5}", "stdin: \"num_it\" must be an integer >= 0, got 2.5")]
    [InlineData("{\"lrs\":[1e-3,1e-2],\"losses\":[1]}", "error: lr_find: losses must have one value per learning rate: lrs has 2 points, losses has 1")]
    [InlineData("{\"lrs\":[1e-3,0],\"losses\":[1,2]}", "error: lr_find: lrs must be finite and > 0 at every point, got lrs[1] = 0")]
    [InlineData("{\"lrs\":[1e-3,1e-2],\"losses\":[\"NaN\",\"NaN\"]}", "error: lr_find: losses must hold at least one number, got 2 NaN values")]
    public async Task Bad_input_is_one_line_on_stderr_and_exit_code_2(string input, string message)
    {
        var (exitCode, stdout, stderr) = await RunWithStdin(input);
        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', stderr);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_exit_code_2()
    {
        var (exitCode, _, stderr) = await CliHarness.Run("suggest", Path.Combine(Path.GetTempPath(), "no-such-curve.json"));
        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    private static void ExpectFastai(string curve, string set, string stdout)
    {
        var printed = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(["minimum", "steep", "valley", "slide"], printed.EnumerateObject().Select(p => p.Name));
        foreach (var method in new[] { "minimum", "steep", "valley", "slide" })
        {
            var expected = Curves[curve]![set]![method]!;
            if (expected["error"] is not null)
            {
                Assert.Equal(JsonValueKind.Null, printed.GetProperty(method).ValueKind);
                continue;
            }
            var lr = expected["lr"]!.GetValue<double>();
            var actual = printed.GetProperty(method).GetDouble();
            Assert.True(Math.Abs(lr - actual) <= Float64 * lr, $"{curve} {method}: fastai {lr:R}, printed {actual:R}");
        }
    }

    /// <summary>A temporary file with a reference curve's lrs, losses (NaN as "NaN") and num_it.</summary>
    private static string CurveFile(string curve, int? numIt = null)
    {
        var source = Curves[curve]!;
        var json = new JsonObject
        {
            ["lrs"] = source["lrs"]!.DeepClone(),
            ["losses"] = source["losses"]!.DeepClone(),
            ["num_it"] = numIt ?? source["num_it"]!.GetValue<int>(),
        };
        var path = Path.Combine(Path.GetTempPath(), $"schedsl-suggest-{curve}-{numIt?.ToString(CultureInfo.InvariantCulture) ?? "n"}-{Environment.ProcessId}.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunWithStdin(string input, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var stdin = new StringReader(input);
        var root = new RootCommand { SuggestCommand.Create(stdout, stderr, stdin) };
        var exitCode = await root.Parse(["suggest", .. args]).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exitCode, stdout.ToString().Trim(), stderr.ToString().Trim());
    }

    // The reference data lives in the source tree (tests/reference), which the test run has; the output folder may
    // be anywhere (--artifacts-path).
    private static string ReferenceFile([CallerFilePath] string here = "")
    {
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "reference", "fastai_reference.json"));
        return File.Exists(path) ? path : throw new FileNotFoundException($"reference data not found at {path}", path);
    }
}
