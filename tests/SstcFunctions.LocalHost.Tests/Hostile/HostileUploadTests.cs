using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SstcFunctions.FunctionApp.Ingestion;
using SstcFunctions.LocalHost.Http;
using SstcFunctions.TestSupport;
using Xunit.Abstractions;

namespace SstcFunctions.LocalHost.Tests.Hostile;

/// <summary>
/// The hostile corpus dropped into brochures/ of a running local host: each brochure ends failed with a clear reason,
/// the host stays up, nothing reaches the poison queue, and good brochures keep being ingested normally.
/// </summary>
[Collection(HostileHostCollection.Name)]
public sealed class HostileUploadTests(HostileHostFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_hostile_upload_fails_with_its_reason_the_host_stays_up_and_a_good_brochure_right_after_is_ingested()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var clock = Stopwatch.StartNew();
        var uploads = HostilePdfs.MustFail.Select(c => (Case: c, Id: $"hostile-{run}-{Path.GetFileNameWithoutExtension(c.Name)}")).ToList();
        foreach (var (hostile, id) in uploads)
        {
            await fixture.UploadAsync($"{id}.pdf", hostile.Make());
        }
        var goodId = $"good-after-{run}";
        await fixture.UploadAsync($"{goodId}.pdf", await File.ReadAllBytesAsync(SharedFixtures.SeedBrochurePdf));

        foreach (var (hostile, id) in uploads)
        {
            var status = await fixture.WaitForBrochureAsync(id, TimeSpan.FromSeconds(90));
            output.WriteLine($"{hostile.Name}: {status.GetProperty("status").GetString()} — {status.GetProperty("error")} (after {clock.ElapsedMilliseconds} ms)");
            Assert.Equal("failed", status.GetProperty("status").GetString());
            Assert.Contains(hostile.ExpectedReason!, status.GetProperty("error").GetString());
        }
        var good = await fixture.WaitForBrochureAsync(goodId, TimeSpan.FromSeconds(90));
        Assert.True(good.GetProperty("status").GetString() == "succeeded", good.ToString());
        Assert.NotEmpty(await HostileHostFixture.ProjectsOfAsync(fixture.Http, goodId, good.GetProperty("projectCount").GetInt32(), TimeSpan.FromSeconds(15)));

        using var health = await fixture.Http.GetAsync("api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        // Permanent failures complete their invocation (the trigger retries only a run that throws): nothing is
        // retried into the poison queue. Each run's end is recorded, so this waits for events, not for the clock.
        var invocations = fixture.Host.Services.GetRequiredService<FunctionInvocationLog>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        foreach (var (_, id) in uploads)
        {
            var (completed, failed) = await invocations.WaitForEndAsync("IngestBrochure", $"brochures/{id}.pdf", timeout.Token);
            Assert.True(completed == 1 && failed == 0, $"{id}: {completed} completed, {failed} failed runs");
        }
        Assert.Equal(0, await HostileHostFixture.PoisonCountAsync(fixture.Storage.ConnectionString));
        output.WriteLine($"{uploads.Count} hostile + 1 good brochure in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Fifty_brochures_uploaded_concurrently_all_succeed_with_no_record_lost_or_duplicated()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var seed = await File.ReadAllBytesAsync(SharedFixtures.SeedBrochurePdf);
        var ids = Enumerable.Range(1, 50).Select(i => $"bulk-{run}-{i:D2}").ToList();
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(ids.Select(id => fixture.UploadAsync($"{id}.pdf", seed)));
        var statuses = await Task.WhenAll(ids.Select(id => fixture.WaitForBrochureAsync(id, TimeSpan.FromMinutes(4))));
        output.WriteLine($"50 concurrent uploads ingested in {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.All(statuses, s => Assert.True(s.GetProperty("status").GetString() == "succeeded", s.ToString()));
        var expected = statuses[0].GetProperty("projectCount").GetInt32();
        Assert.True(expected > 0);
        var allProjectIds = new List<string>();
        foreach (var id in ids)
        {
            var projects = await HostileHostFixture.ProjectsOfAsync(fixture.Http, id, expected, TimeSpan.FromSeconds(30));
            Assert.Equal(expected, projects.Count);
            allProjectIds.AddRange(projects.Select(p => p.GetProperty("id").GetString()!));
        }
        Assert.Equal(allProjectIds.Count, allProjectIds.Distinct().Count());
        Assert.Equal(50 * expected, allProjectIds.Count);
    }

    [Fact]
    public async Task The_same_blob_delivered_twice_at_once_and_again_later_leaves_one_set_of_records()
    {
        var id = $"twice-{Guid.NewGuid():N}"[..16];
        var seed = await File.ReadAllBytesAsync(SharedFixtures.SeedBrochurePdf);
        await fixture.UploadAsync($"{id}.pdf", seed);
        var first = await fixture.WaitForBrochureAsync(id, TimeSpan.FromSeconds(90));
        Assert.Equal("succeeded", first.GetProperty("status").GetString());
        var expected = first.GetProperty("projectCount").GetInt32();

        // At-least-once delivery: the trigger may run again for the same blob, even concurrently.
        var ingestion = (BrochureIngestion)fixture.Host.Services.GetService(typeof(BrochureIngestion))!;
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ingestion.IngestAsync(new MemoryStream(seed), $"{id}.pdf", CancellationToken.None)));

        var projects = await HostileHostFixture.ProjectsOfAsync(fixture.Http, id, expected, TimeSpan.FromSeconds(15));
        Assert.Equal(expected, projects.Count);
        Assert.Equal(expected, projects.Select(p => p.GetProperty("id").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Http_fuzz_over_every_endpoint_and_parameter_never_answers_500()
    {
        var random = new Random(4242);
        output.WriteLine("HTTP fuzz seed 4242");
        using var openApi = JsonDocument.Parse(await fixture.Http.GetStringAsync("api/openapi.json"));
        var operations = new List<(string Method, string Path, List<(string Name, string In)> Parameters)>();
        foreach (var path in openApi.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "delete" or "put" or "patch"))
            {
                var parameters = new List<(string, string)>();
                foreach (var source in new[] { path.Value, operation.Value })
                {
                    if (!source.TryGetProperty("parameters", out var list)) continue;
                    foreach (var p in list.EnumerateArray())
                    {
                        if (p.TryGetProperty("name", out var name)) parameters.Add((name.GetString()!, p.GetProperty("in").GetString()!));
                    }
                }
                operations.Add((operation.Name.ToUpperInvariant(), path.Name, parameters));
            }
        }
        Assert.NotEmpty(operations);
        // Every route the host serves is covered, documented or not.
        foreach (var route in fixture.Host.Routes)
        {
            foreach (var method in route.Methods)
            {
                var path = "/" + route.Route.TrimStart('/');
                if (!operations.Any(o => o.Method == method && o.Path.Trim('/').Equals(route.Route.Trim('/'), StringComparison.OrdinalIgnoreCase)))
                {
                    operations.Add((method, path, [.. System.Text.RegularExpressions.Regex.Matches(route.Route, "{([^}:?]+)").Select(m => (m.Groups[1].Value, "path"))]));
                }
            }
        }

        string[] nasty =
        [
            "", " ", "0", "-1", "2147483648", "99999999999999999999", "1e309", "NaN", "true", "null", "[]", "{}",
            "%", "%00", "%zz", "../../etc/passwd", "..%2f..%2f", "'; DROP TABLE projects;--", "<script>alert(1)</script>",
            "Côte d’Ivoire", "🦄🦄🦄", "\u0000", "\uFFFF", new string('a', 5000), "a,b,,c", "*", "?", "&", "=", "+", "#",
            "not-a-token", "eyJhbGciOiJub25lIn0.e30.", Convert.ToBase64String(new byte[64]), "2020-2021", "sstc-2020-2021",
        ];
        var failures = new List<string>();
        var requests = 0;
        foreach (var (method, path, parameters) in operations)
        {
            for (var round = 0; round < 40; round++)
            {
                var url = path.TrimStart('/');
                foreach (var (name, where) in parameters.Where(p => p.In == "path"))
                {
                    url = url.Replace("{" + name + "}", Uri.EscapeDataString(Pick(random, nasty)) is { Length: > 0 } v ? v : "x");
                }
                url = System.Text.RegularExpressions.Regex.Replace(url, "{[^}]+}", "x");
                var query = parameters.Where(p => p.In == "query" && random.Next(3) > 0)
                    .Select(p => $"{p.Name}={Uri.EscapeDataString(Pick(random, nasty))}")
                    .Append(random.Next(4) == 0 ? $"{Uri.EscapeDataString(Pick(random, nasty))}={Uri.EscapeDataString(Pick(random, nasty))}" : "")
                    .Where(q => q.Length > 0);
                if (random.Next(5) == 0) query = query.Concat(query); // repeated parameters
                var full = url + "?" + string.Join('&', query);
                using var request = new HttpRequestMessage(new HttpMethod(method), full);
                if (random.Next(4) > 0) request.Headers.TryAddWithoutValidation("x-functions-key", HostileHostFixture.FunctionKey);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    var body = new byte[random.Next(0, 4096)];
                    random.NextBytes(body);
                    request.Content = new ByteArrayContent(random.Next(3) == 0 ? HostilePdfs.PngRenamed() : body);
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", Pick(random, ["application/pdf", "application/json", "multipart/form-data; boundary=x", "text/plain", "garbage/;;"]));
                }
                using var response = await fixture.Http.SendAsync(request);
                requests++;
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{method} {full[..Math.Min(full.Length, 200)]} → {(int)response.StatusCode}: {(await response.Content.ReadAsStringAsync())[..Math.Min(300, (int)(response.Content.Headers.ContentLength ?? 300))]}");
                }
            }
        }
        output.WriteLine($"{requests} requests over {operations.Count} operations, {failures.Count} server errors");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
