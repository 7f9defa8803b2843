using System.Diagnostics;

namespace SchedDsl.Demo.Tests;

/// <summary>The built demo app (copied beside the tests) as its own process, for runs killed with SIGKILL.</summary>
internal static class DemoProcess
{
    private static ProcessStartInfo Info(string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SchedDsl.Demo.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        return info;
    }

    /// <summary>Starts the demo; <see cref="Process.Kill()"/> on it sends SIGKILL.</summary>
    public static Process Start(string[] args)
    {
        var process = Process.Start(Info(args))!;
        // Drain both pipes so a full pipe never blocks the child.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs the demo to its end: its exit code, and stdout then stderr.</summary>
    public static async Task<(int Code, string Output)> RunToEnd(string[] args, CancellationToken cancel)
    {
        using var process = Process.Start(Info(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancel);
        var stderr = process.StandardError.ReadToEndAsync(cancel);
        await process.WaitForExitAsync(cancel);
        return (process.ExitCode, await stdout + await stderr);
    }
}
