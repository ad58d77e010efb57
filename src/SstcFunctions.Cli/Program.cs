using System.Text.Json;
using SstcFunctions.Core;
using SstcFunctions.Core.Pdf;
using SstcFunctions.Core.Records;

// sstc extract FILE.pdf → one JSON object on stdout (exit 0); a rejected file → "error: <reason>" on stderr (exit 2).
if (args is not ["extract", var path, ..])
{
    Console.Error.WriteLine("usage: sstc extract FILE.pdf");
    return 64;
}

try
{
    using var file = File.OpenRead(path);
    var result = new BrochureExtractor().Extract(file, BrochureId.FromFileName(path));
    await using var stdout = Console.OpenStandardOutput();
    await JsonSerializer.SerializeAsync(stdout, result, RecordJson.Indented);
    await stdout.WriteAsync("\n"u8.ToArray());
    return 0;
}
catch (BrochureRejectedException rejected)
{
    Console.Error.WriteLine($"error: {rejected.Reason}");
    return 2;
}
catch (IOException io)
{
    Console.Error.WriteLine($"error: cannot read {path}: {io.Message}");
    return 2;
}
