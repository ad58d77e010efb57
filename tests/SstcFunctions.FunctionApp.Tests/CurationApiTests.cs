// Length: just over 300 lines on purpose — one story (correct, withdraw, add, review, re-ingest) over one Azurite
// fixture; split, each half would repeat the setup of the brochure being corrected.
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SstcFunctions.Core.Records;
using SstcFunctions.FunctionApp.Functions;
using SstcFunctions.FunctionApp.Functions.Corrections;
using SstcFunctions.FunctionApp.Ingestion;
using SstcFunctions.TestSupport;

namespace SstcFunctions.FunctionApp.Tests;

/// <summary>
/// Corrections through the HTTP functions against a real Azurite: merge patches validated against the vocabularies,
/// If-Match, withdrawal, added cards, history with the caller's identity, the review queue, and corrections that
/// outlive re-ingestion of a brochure, from the same content or a changed one.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CurationApiTests(AzuriteFixture fixture)
{
    /// <summary>Hands the ingestion whatever result the test sets: a stand-in for a changed brochure's extraction.</summary>
    private sealed class ScriptedExtraction : IBrochureExtraction
    {
        public ExtractionResult Next { get; set; } = null!;
        public Task<ExtractionResult> ExtractAsync(Stream pdf, string brochureId, CancellationToken ct) => Task.FromResult(Next);
    }

    private const string Brochure = "curated";

    private static byte[] Pdf(string marker) => Encoding.ASCII.GetBytes("%PDF-1.4 " + marker);

    private async Task<(CatalogueApp App, ScriptedExtraction Extraction)> ScriptedAppAsync(ExtractionResult first)
    {
        var extraction = new ScriptedExtraction { Next = first };
        var app = fixture.NewApp(services => services.AddSingleton<IBrochureExtraction>(extraction));
        await app.Store.Storage.EnsureCreatedAsync();
        await app.Store.Storage.BrochureBlobs.UploadBlobAsync(Brochure + ".pdf", BinaryData.FromBytes(Pdf("v1")));
        await app.IngestAsync(Brochure + ".pdf", Pdf("v1"));
        return (app, extraction);
    }

    [Fact]
    public async Task Must_show_a_corrected_card_keeps_its_countries_and_outcome_through_the_same_and_a_changed_seed_brochure()
    {
        await using var app = fixture.NewApp();
        var seed = await File.ReadAllBytesAsync(SharedFixtures.SeedBrochurePdf);
        const string seedId = "sstc-2020-2021";
        await app.Store.Storage.EnsureCreatedAsync();
        await app.Store.Storage.BrochureBlobs.UploadBlobAsync(seedId + ".pdf", BinaryData.FromBytes(seed));
        await app.IngestAsync(seedId + ".pdf", seed);

        // A card printed after page 2, so that dropping page 2 moves it to another position and id.
        var before = (await Get(app, "/api/projects?top=200&brochure=" + seedId)).Json.GetProperty("projects").EnumerateArray()
            .First(p => p.GetProperty("page").GetInt32() >= 4);
        var id = before.GetProperty("id").GetString()!;
        var title = before.GetProperty("title").GetString()!;
        var read = await Get(app, "/api/projects/" + id);
        Assert.Equal("extracted", read.Json.GetProperty("origin").GetString());

        var patched = await Patch(app, id, """{"countries": ["BR", "Argentina"], "outcome": "3"}""", read.Header("ETag"));
        Assert.Equal(200, patched.Status);
        AssertCorrected(patched.Json);
        Assert.Equal(patched.Header("ETag"), (await Get(app, "/api/projects/" + id)).Header("ETag"));

        // The same file again: nothing to re-extract, the correction stays.
        await app.IngestAsync(seedId + ".pdf", seed);
        AssertCorrected((await Get(app, "/api/projects/" + id)).Json);

        // The same brochure as different bytes (an appended comment): extracted anew, corrected again on load.
        var resaved = seed.Concat(Encoding.ASCII.GetBytes("\n% saved again\n")).ToArray();
        var again = await app.IngestAsync(seedId + ".pdf", resaved);
        Assert.NotEqual((await app.Store.GetBrochureAsync(seedId))!.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(seed)));
        Assert.Equal("succeeded", again.Status);
        AssertCorrected((await Get(app, "/api/projects/" + id)).Json);

        // A changed version: page 2 and its cards are gone, so every later card moves up and changes id.
        var changed = UglyToad.PdfPig.Writer.PdfMerger.Merge([seed], [Enumerable.Range(1, 7).Where(p => p != 2).ToList()]);
        var status = await app.IngestAsync(seedId + ".pdf", changed);
        Assert.Equal("succeeded", status.Status);
        var now = (await Get(app, "/api/projects?top=200&brochure=" + seedId)).Json.GetProperty("projects").EnumerateArray()
            .Single(p => p.GetProperty("title").GetString() == title);
        var newId = now.GetProperty("id").GetString()!;
        Assert.NotEqual(id, newId);
        AssertCorrected(now);
        Assert.Empty((await Get(app, "/api/brochures/" + seedId)).Json.GetProperty("unmatchedCorrections").EnumerateArray());

        var history = (await History(app, newId)).Json.GetProperty("entries").EnumerateArray().ToList();
        var extraction = history.Single(e => e.GetProperty("action").GetString() == "extracted");
        Assert.Equal("extraction", extraction.GetProperty("by").GetString());
        var correction = history.Single(e => e.GetProperty("action").GetString() == "corrected");
        Assert.Equal("function key", correction.GetProperty("by").GetString());
        var countries = correction.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "countries");
        Assert.Equal(before.GetProperty("countries").GetRawText(), countries.GetProperty("before").GetRawText());
        Assert.Equal("""["BR","AR"]""", countries.GetProperty("after").GetRawText());
        Assert.Contains(correction.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "outcome");
        // Two re-extractions (the re-saved file and the changed version) each found the corrected card again.
        Assert.Equal(2, history.Count(e => e.GetProperty("action").GetString() == "reapplied"));
        Assert.True(history.Select(e => e.GetProperty("at").GetDateTimeOffset()).SequenceEqual(history.Select(e => e.GetProperty("at").GetDateTimeOffset()).Order()));

        static void AssertCorrected(JsonElement project)
        {
            Assert.Equal("corrected", project.GetProperty("origin").GetString());
            Assert.Equal("""["BR","AR"]""", project.GetProperty("countries").GetRawText());
            Assert.Equal("3", project.GetProperty("outcome").GetProperty("id").GetString());
            Assert.Equal(["3"], project.GetProperty("outcomes").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
            Assert.Equal(["countries", "outcome", "outcomes"], project.GetProperty("curation").GetProperty("correctedFields").EnumerateArray().Select(f => f.GetString()).Order());
        }
    }

    [Fact]
    public async Task A_stale_If_Match_is_412_and_the_first_writer_wins()
    {
        var (app, _) = await ScriptedAppAsync(HandBuiltRecords.Result(Brochure, 4));
        await using var _ = app;
        var id = BrochureIdOf(2);
        var etag = (await Get(app, "/api/projects/" + id)).Header("ETag");

        var first = await Patch(app, id, """{"region": "africa"}""", etag);
        var second = await Patch(app, id, """{"region": "Arab States"}""", etag);

        Assert.Equal(200, first.Status);
        Assert.Equal("Africa", first.Json.GetProperty("region").GetString());
        var problem = second.AssertProblem(412);
        Assert.Equal(first.Header("ETag"), problem.GetProperty("currentETag").GetString());
        Assert.Equal("Africa", (await Get(app, "/api/projects/" + id)).Json.GetProperty("region").GetString());
        // With the new tag the second writer succeeds; "*" matches whatever is there.
        Assert.Equal(200, (await Patch(app, id, """{"region": "Arab States"}""", first.Header("ETag"))).Status);
        Assert.Equal(200, (await Patch(app, id, """{"title": "Renamed"}""", "*")).Status);
    }

    [Fact]
    public async Task An_invalid_patch_is_a_400_listing_every_problem_and_changes_nothing()
    {
        var (app, _) = await ScriptedAppAsync(HandBuiltRecords.Result(Brochure, 3));
        await using var _ = app;
        var id = BrochureIdOf(1);
        var before = (await Get(app, "/api/projects/" + id)).Text;

        var response = await Patch(app, id, """{"title": "", "region": "Atlantis", "countries": ["BR", "Narnia"], "topics": ["no-such-topic"], "outcome": "42", "confidence": 1}""", null);

        var problem = response.AssertProblem(400);
        var fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToHashSet();
        Assert.Equal(["confidence", "countries", "outcome", "region", "title", "topics"], fields.Order());
        Assert.Contains("Africa", problem.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("field").GetString() == "region")
            .GetProperty("validValues").EnumerateArray().Select(v => v.GetString()));
        Assert.Contains("Narnia", problem.GetProperty("detail").GetString());
        Assert.Equal(before, (await Get(app, "/api/projects/" + id)).Text);

        (await Send(app, "PATCH", id, "{}", "text/plain")).AssertProblem(415);
        (await Send(app, "PATCH", id, "[1]", "application/merge-patch+json")).AssertProblem(400);
        (await Patch(app, Brochure + "-999", """{"title": "x"}""", null)).AssertProblem(404);
    }

    [Fact]
    public async Task A_withdrawn_card_leaves_lists_and_facets_but_is_kept_with_its_history_and_can_be_restored()
    {
        var (app, _) = await ScriptedAppAsync(HandBuiltRecords.Result(Brochure, 4));
        await using var _ = app;
        var id = BrochureIdOf(3);

        var withdrawn = await CatalogueApp.SendAsync(r => app.Function<WithdrawProjectFunction>().Run(r, id, CancellationToken.None), "DELETE", "/api/projects/" + id);

        Assert.Equal(200, withdrawn.Status);
        Assert.True(withdrawn.Json.GetProperty("curation").GetProperty("withdrawn").GetBoolean());
        var list = (await Get(app, "/api/projects?brochure=" + Brochure)).Json.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Equal(3, list.Count);
        Assert.DoesNotContain(id, list);
        var facets = await CatalogueApp.SendAsync(r => app.Function<FacetsFunction>().Run(r, CancellationToken.None), "GET", "/api/facets");
        Assert.Equal(3, facets.Json.GetProperty("total").GetInt32());
        Assert.Equal(200, (await Get(app, "/api/projects/" + id)).Status);
        Assert.Contains((await History(app, id)).Json.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "withdrawn");

        var restored = await Patch(app, id, """{"withdrawn": false}""", withdrawn.Header("ETag"));
        Assert.False(restored.Json.GetProperty("curation").GetProperty("withdrawn").GetBoolean());
        Assert.Equal(4, (await Get(app, "/api/projects?brochure=" + Brochure)).Json.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_missed_card_is_added_validated_and_listed_after_the_extracted_ones()
    {
        var (app, _) = await ScriptedAppAsync(HandBuiltRecords.Result(Brochure, 2));
        await using var _ = app;

        var added = await Add(app, Brochure, """{"title": "The card the extractor missed", "region": "Africa", "countries": ["Senegal", "CV"], "outcome": 5, "page": 3}""");

        Assert.Equal(201, added.Status);
        var id = added.Json.GetProperty("id").GetString()!;
        Assert.Equal("/api/projects/" + id, added.Header("Location"));
        Assert.Equal("added", added.Json.GetProperty("origin").GetString());
        Assert.Equal("""["SN","CV"]""", added.Json.GetProperty("countries").GetRawText());
        Assert.Equal(added.Header("ETag"), (await Get(app, "/api/projects/" + id)).Header("ETag"));
        var ids = (await Get(app, "/api/projects?brochure=" + Brochure)).Json.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Equal([BrochureIdOf(1), BrochureIdOf(2), id], ids);
        Assert.Equal(["added"], (await History(app, id)).Json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()));

        Assert.NotEqual(id, (await Add(app, Brochure, """{"title": "Another one"}""")).Json.GetProperty("id").GetString());
        (await Add(app, Brochure, """{"region": "Africa"}""")).AssertProblem(400);
        (await Add(app, "no-such-brochure", """{"title": "x"}""")).AssertProblem(404);
    }

    [Fact]
    public async Task Corrections_follow_their_cards_into_a_changed_version_and_one_whose_card_is_gone_is_reported()
    {
        // Cards as different from one another as a brochure's are (hand-built ones differ by a number only).
        string[] titles = ["Skills for youth employment in Morocco", "Social protection floors for rural workers",
            "Labour migration governance between Jordan and Egypt", "Green jobs in the construction sector", "Cooperatives of women artisans in Senegal"];
        string[] texts = ["Apprenticeship systems were compared and trainers exchanged between vocational centres.",
            "Ministries shared designs of cash transfer schemes and registries of informal workers.",
            "Recruitment practices and bilateral agreements were reviewed with employers and unions.",
            "Builders learned energy-efficient techniques through peer visits and joint curricula.",
            "Women-led cooperatives exchanged marketing methods and access to microfinance."];
        var original = HandBuiltRecords.Result(Brochure, 5);
        original = original with { Projects = original.Projects.Select((p, i) => p with { Title = titles[i], Description = texts[i] }).ToList() };
        var (app, extraction) = await ScriptedAppAsync(original);
        await using var _ = app;
        await Patch(app, BrochureIdOf(2), """{"topics": ["tvet"]}""", null);   // its card will only move
        await Patch(app, BrochureIdOf(3), """{"region": "arab states"}""", null); // its card will be reworded
        await Patch(app, BrochureIdOf(5), """{"countries": []}""", null);     // its card will be gone

        // Version 2: a new card first (every id shifts), card 3's title reworded, card 5 dropped.
        var v1 = original.Projects;
        var inserted = HandBuiltRecords.Project(Brochure, 1) with { Title = "Occupational safety in mining", Description = "Inspectors trained together on hazards underground." };
        var kept = v1.Take(4).Select(p => p.Ordinal == 3 ? p with { Title = "Governance of labour migration between Jordan and Egypt" } : p);
        var v2 = new[] { inserted }.Concat(kept).Select((p, i) => p with { Ordinal = i + 1, Id = Core.BrochureId.ForProject(Brochure, i + 1) }).ToList();
        extraction.Next = HandBuiltRecords.Result(Brochure, 0) with { Projects = v2 };
        await app.Store.Storage.BrochureBlobs.GetBlobClient(Brochure + ".pdf").UploadAsync(BinaryData.FromBytes(Pdf("v2")), overwrite: true);
        await app.IngestAsync(Brochure + ".pdf", Pdf("v2"));

        var moved = (await Get(app, "/api/projects/" + BrochureIdOf(3))).Json;
        Assert.Equal(v1[1].Title, moved.GetProperty("title").GetString());
        Assert.Equal("""["tvet"]""", moved.GetProperty("topics").GetRawText());
        var reworded = (await Get(app, "/api/projects/" + BrochureIdOf(4))).Json;
        Assert.Equal("Governance of labour migration between Jordan and Egypt", reworded.GetProperty("title").GetString());
        Assert.Equal("Arab States", reworded.GetProperty("region").GetString());
        Assert.Equal("extracted", (await Get(app, "/api/projects/" + BrochureIdOf(1))).Json.GetProperty("origin").GetString());

        var unmatched = (await Get(app, "/api/brochures/" + Brochure)).Json.GetProperty("unmatchedCorrections").EnumerateArray().ToList();
        Assert.Equal(v1[4].Title, Assert.Single(unmatched).GetProperty("anchorTitle").GetString());
        var list = await CatalogueApp.SendAsync(r => app.Function<ListCorrectionsFunction>().Run(r, CancellationToken.None), "GET", "/api/corrections?match=none");
        Assert.Equal(1, list.Json.GetProperty("count").GetInt32());
        var all = await CatalogueApp.SendAsync(r => app.Function<ListCorrectionsFunction>().Run(r, CancellationToken.None), "GET", "/api/corrections");
        Assert.Equal(["exact", "none", "similar"], all.Json.GetProperty("corrections").EnumerateArray().Select(c => c.GetProperty("match").GetString()).Order());
        Assert.Contains((await History(app, BrochureIdOf(4))).Json.GetProperty("entries").EnumerateArray(),
            e => e.GetProperty("action").GetString() == "reapplied" && e.GetProperty("note").GetString()!.Contains("similarity"));
    }

    [Fact]
    public async Task The_review_queue_puts_the_most_doubtful_cards_first_and_reviewing_one_takes_it_out()
    {
        var records = HandBuiltRecords.Result(Brochure, 4);
        var projects = records.Projects.Select(p => p.Ordinal switch
        {
            1 => p with { Confidence = 0.6, ConfidenceReasons = ["description very short", "no outcome found"], Outcome = null, Outcomes = [] },
            3 => p with { Region = null, Confidence = 1 },
            _ => p with { Confidence = 1 },
        }).ToList();
        var (app, _) = await ScriptedAppAsync(records with { Projects = projects, Brochure = records.Brochure with { StatedProjectCount = 4 } });
        await using var _ = app;

        var queue = await Get(app, "/api/projects?review=needed");

        Assert.Equal([BrochureIdOf(1), BrochureIdOf(3)], queue.Json.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(["low-confidence", "no-outcome"], queue.Json.GetProperty("review").GetProperty(BrochureIdOf(1)).GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["no-region"], queue.Json.GetProperty("review").GetProperty(BrochureIdOf(3)).GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

        var principal = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"auth_typ":"aad","name_typ":"name","claims":[{"typ":"name","val":"Ana Curator"}]}"""));
        var reviewed = await Send(app, "PATCH", BrochureIdOf(1), """{"reviewed": true}""", "application/merge-patch+json",
            new Dictionary<string, string> { ["x-ms-client-principal"] = principal });
        Assert.Equal("Ana Curator", reviewed.Json.GetProperty("curation").GetProperty("reviewedBy").GetString());
        Assert.Equal("extracted", reviewed.Json.GetProperty("origin").GetString());

        Assert.Equal([BrochureIdOf(3)], (await Get(app, "/api/projects?review=needed")).Json.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        var line = (await History(app, BrochureIdOf(1))).Json.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "reviewed");
        Assert.Equal("Ana Curator", line.GetProperty("by").GetString());
        (await Get(app, "/api/projects?review=maybe")).AssertProblem(400);
    }

    private static string BrochureIdOf(int ordinal) => Core.BrochureId.ForProject(Brochure, ordinal);

    private static Task<Response> Get(CatalogueApp app, string path)
    {
        var query = path.IndexOf('?');
        var route = query < 0 ? path : path[..query];
        if (route.StartsWith("/api/brochures/", StringComparison.Ordinal))
        {
            return CatalogueApp.SendAsync(r => app.Function<GetBrochureFunction>().Run(r, route["/api/brochures/".Length..], CancellationToken.None), "GET", path);
        }
        if (route.StartsWith("/api/projects/", StringComparison.Ordinal))
        {
            return CatalogueApp.SendAsync(r => app.Function<GetProjectFunction>().Run(r, route["/api/projects/".Length..], CancellationToken.None), "GET", path);
        }
        return CatalogueApp.SendAsync(r => app.Function<ListProjectsFunction>().Run(r, CancellationToken.None), "GET", path);
    }

    private static Task<Response> History(CatalogueApp app, string id) =>
        CatalogueApp.SendAsync(r => app.Function<ProjectHistoryFunction>().Run(r, id, CancellationToken.None), "GET", $"/api/projects/{id}/history");

    private static Task<Response> Patch(CatalogueApp app, string id, string json, string? ifMatch) =>
        Send(app, "PATCH", id, json, "application/merge-patch+json", ifMatch is null ? null : new Dictionary<string, string> { ["If-Match"] = ifMatch });

    private static Task<Response> Send(CatalogueApp app, string method, string id, string body, string contentType, IDictionary<string, string>? headers = null) =>
        CatalogueApp.SendAsync(r => app.Function<PatchProjectFunction>().Run(r, id, CancellationToken.None), method, "/api/projects/" + id,
            headers, Encoding.UTF8.GetBytes(body), contentType);

    private static Task<Response> Add(CatalogueApp app, string brochureId, string json) =>
        CatalogueApp.SendAsync(r => app.Function<AddProjectFunction>().Run(r, brochureId, CancellationToken.None), "POST", $"/api/brochures/{brochureId}/projects",
            body: Encoding.UTF8.GetBytes(json), contentType: "application/json");
}
