using SchedDsl.TimePictures;

// Draws the pictures of docs/time.md into the folder given (docs/images by default): scripts/make-time-images.sh.
var folder = args.Length > 0 ? args[0] : Path.Combine("docs", "images");
Directory.CreateDirectory(folder);
using var scratch = new Scratch();
foreach (var (name, draw) in new (string, Action<string, Scratch>)[]
{
    ("time-clocks.png", ClocksPicture.Draw),
    ("time-extended.png", ExtendedPicture.Draw),
    ("time-branches.png", BranchesPicture.Draw),
})
{
    var path = Path.Combine(folder, name);
    draw(path, scratch);
    Console.WriteLine(path);
}
