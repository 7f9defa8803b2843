namespace SchedDsl.Demo;

/// <summary>
/// Checks every path the demo will write (<c>--out</c>, <c>--csv</c>, <c>--tensorboard</c>, <c>--checkpoint</c>)
/// before any data is loaded or any training starts, as fastai's <c>CSVLogger</c> opens its file in <c>before_fit</c>:
/// an unwritable path is one error line in a second, not a failure after the LR finder or a lost epoch.
/// </summary>
/// <remarks>A folder is created when missing and probed with a file that is deleted at once; the CSV file is opened
/// for writing without being truncated (and deleted again when the check created it).</remarks>
internal static class DemoOutputs
{
    public static void Check(DemoOptions options)
    {
        Folder("--out", options.OutputDirectory);
        if (options.CsvPath is { } csv)
        {
            File("--csv", csv);
        }
        if (options.HypersCsvPath is { } hypersCsv)
        {
            File("--hypers-csv", hypersCsv);
        }
        if (options.TensorBoardDirectory is { } logDir)
        {
            Folder("--tensorboard", logDir);
        }
        if (options.CheckpointDirectory is { } checkpoints)
        {
            Folder("--checkpoint", checkpoints);
        }
    }

    private static void Folder(string option, string folder)
    {
        if (System.IO.File.Exists(folder))
        {
            throw new DemoError($"{option} {folder}: this is a file; {option} names a folder");
        }
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new DemoError($"{option} {folder}: cannot create the folder: {Reason(error)}");
        }
        var probe = Path.Combine(folder, $".scheddsl-write-check-{Guid.NewGuid():N}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write))
            {
            }
            System.IO.File.Delete(probe);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new DemoError($"{option} {folder}: cannot write in the folder: {Reason(error)}");
        }
    }

    private static void File(string option, string path)
    {
        if (Directory.Exists(path))
        {
            throw new DemoError($"{option} {path}: this is a folder; {option} names a file");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new DemoError($"{option} {path}: cannot create the folder {folder}: {Reason(error)}");
        }
        var existed = System.IO.File.Exists(path);
        try
        {
            using (new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
            {
            }
            if (!existed)
            {
                System.IO.File.Delete(path);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new DemoError($"{option} {path}: cannot write the file: {Reason(error)}");
        }
    }

    // .NET's own messages mislead here: creating a file where the file system refuses new files (/proc) reads "Could
    // not find file", and a read-only file or folder reads "Access to the path is denied".
    private static string Reason(Exception error) => error switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "this file system does not allow creating it",
        _ => error.Message,
    };
}
