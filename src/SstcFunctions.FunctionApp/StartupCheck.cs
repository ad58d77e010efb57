using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SstcFunctions.Core.Pdf;
using SstcFunctions.FunctionApp.Ingestion;

namespace SstcFunctions.FunctionApp;

/// <summary>
/// <c>dotnet SstcFunctions.FunctionApp.dll --startup-check</c>: the worker's own Program builds its host exactly as it
/// does under the Functions host, then, instead of connecting to that host, checks what a deployment would otherwise
/// find out on its first request: the options validate, every function class resolves with its dependencies from the
/// real container (as the worker activates them, in a scope), every hosted service constructs, functions.metadata
/// names only methods that exist, and the sandbox's child process (sstc.dll beside the app) answers. Exit 0 when all
/// pass; 1 with the reason otherwise. The deployed-worker test runs it from the publish output.
/// </summary>
public static class StartupCheck
{
    public const string Switch = "--startup-check";

    public static bool Requested(string[] args) => args.Contains(Switch);

    public static string[] WithoutSwitch(string[] args) => [.. args.Where(arg => arg != Switch)];

    public static async Task<int> RunAsync(IHost host, TextWriter output)
    {
        var app = typeof(StartupCheck).Assembly;
        output.WriteLine($"startup check: {Path.GetFileName(app.Location)} in {AppContext.BaseDirectory}");
        try
        {
            // What ValidateOnStart does when the host starts: every validated options section, at once.
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            output.WriteLine("options: bound and validated (ValidateOnStart)");

            var classes = FunctionClasses(app);
            using (var scope = host.Services.CreateScope())
            {
                foreach (var type in classes)
                {
                    ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
                    var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
                    var dependencies = constructor?.GetParameters().Select(p => p.ParameterType.Name) ?? [];
                    output.WriteLine($"  ok  {type.Name}({string.Join(", ", dependencies)})");
                }
            }
            output.WriteLine($"function classes: {classes.Count} resolved from the worker's container");

            var hosted = host.Services.GetServices<IHostedService>().ToList();
            output.WriteLine($"hosted services: {hosted.Count} constructed ({string.Join(", ", hosted.Select(s => s.GetType().Name).Distinct())})");

            var metadata = CheckMetadata(app, Path.Combine(AppContext.BaseDirectory, "functions.metadata"));
            output.WriteLine($"functions.metadata: {metadata} functions, each entry point a [Function] method of this assembly and each [Function] listed");

            output.WriteLine($"sandbox: {await CheckExtractionAsync(host.Services)}");
        }
        catch (Exception e) when (e is AggregateException or OptionsValidationException or InvalidOperationException or InvalidDataException)
        {
            // Several invalid sections come together, one inner exception each.
            var failures = e is AggregateException aggregate ? aggregate.InnerExceptions : [e];
            foreach (var failure in failures) output.WriteLine($"startup check failed: {failure.GetType().Name}: {failure.Message}");
            return 1;
        }
        output.WriteLine("startup check passed");
        return 0;
    }

    /// <summary>Every class with a [Function] method: what the worker activates per invocation.</summary>
    public static IReadOnlyList<Type> FunctionClasses(Assembly app) =>
        [.. app.GetTypes()
            .Where(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
            .OrderBy(type => type.Name, StringComparer.Ordinal)];

    private static int CheckMetadata(Assembly app, string path)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"{path} is missing: the Functions host would find no function");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var declared = app.GetTypes().SelectMany(type => type.GetMethods())
            .Select(method => (Method: method, Attribute: method.GetCustomAttribute<FunctionAttribute>()))
            .Where(pair => pair.Attribute is not null)
            .ToDictionary(pair => pair.Attribute!.Name, pair => $"{pair.Method.DeclaringType!.FullName}.{pair.Method.Name}");
        var listed = new HashSet<string>();
        foreach (var function in document.RootElement.EnumerateArray())
        {
            var name = function.GetProperty("name").GetString()!;
            var entryPoint = function.GetProperty("entryPoint").GetString()!;
            if (!declared.TryGetValue(name, out var method) || method != entryPoint)
            {
                throw new InvalidDataException($"functions.metadata lists {name} at {entryPoint}, which is not a [Function(\"{name}\")] method of {app.GetName().Name}");
            }
            if (function.GetProperty("scriptFile").GetString() != Path.GetFileName(app.Location))
            {
                throw new InvalidDataException($"functions.metadata points {name} at {function.GetProperty("scriptFile")}, not {Path.GetFileName(app.Location)}");
            }
            listed.Add(name);
        }
        var missing = declared.Keys.Where(name => !listed.Contains(name)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"functions.metadata does not list {string.Join(", ", missing)}");
        return listed.Count;
    }

    /// <summary>One small brochure through the registered extraction (the sandbox's worker process by default).</summary>
    private static async Task<string> CheckExtractionAsync(IServiceProvider services)
    {
        var extraction = services.GetRequiredService<IBrochureExtraction>();
        var pdf = MinimalPdf.Text("Startup check: South-South and Triangular Cooperation");
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await extraction.ExtractAsync(new MemoryStream(pdf), "startup-check", CancellationToken.None);
            return $"{extraction.GetType().Name} read the test PDF ({result.Projects.Count} projects, {result.Warnings.Count} warnings) in {clock.ElapsedMilliseconds} ms";
        }
        catch (BrochureRejectedException rejected)
        {
            // The file's answer (it has no project card) still shows the worker started and spoke the protocol.
            return $"{extraction.GetType().Name} answered [{rejected.Failure.CodeName}] in {clock.ElapsedMilliseconds} ms";
        }
    }
}
