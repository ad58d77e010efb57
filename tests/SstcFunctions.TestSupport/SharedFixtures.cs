namespace SstcFunctions.TestSupport;

/// <summary>Paths to the shared test data (../shared beside the repository) and to the repository itself.</summary>
public static class SharedFixtures
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The reconstruction of the real 2020–2021 brochure with its ground truth.</summary>
    public static string SeedBrochureDirectory => Path.Combine(SharedDirectory, "brochures", "sstc-2020-2021");
    public static string SeedBrochurePdf => Path.Combine(SeedBrochureDirectory, "brochure.pdf");
    public static string SeedBrochureExpected => Path.Combine(SeedBrochureDirectory, "expected.json");

    public static string SharedDirectory =>
        Environment.GetEnvironmentVariable("SSTC_SHARED_DIR") is { Length: > 0 } dir
            ? dir
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    private static string FindRepositoryRoot()
    {
        var stamped = typeof(SharedFixtures).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (stamped is not null && File.Exists(Path.Combine(stamped, "SstcFunctions.sln"))) return stamped;

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SstcFunctions.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("SstcFunctions.sln not found above " + AppContext.BaseDirectory);
    }
}
