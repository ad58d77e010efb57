using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Dashboard;
using SstcFunctions.FunctionApp.Http;

namespace SstcFunctions.FunctionApp.Functions;

/// <summary>
/// The dashboard: its page at <c>/</c> and its bundled files at <c>/dashboard/{asset}</c>. host.json sets routePrefix
/// to "" so that a function can answer at the site root; every API function names its own <c>api/…</c> route.
/// Literal routes only (no catch-all), so the Functions host's route ordering cannot send an API call here.
/// </summary>
public sealed class DashboardFunction
{
    /// <summary>
    /// Scripts and styles from this origin only, API calls to this origin only, nothing may frame the page; the PDF
    /// link opens a new tab, so it needs no frame-src.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string HashedAssetCaching = "public, max-age=31536000, immutable";
    // The page names the current hashed files: always revalidate it (a 304 when unchanged).
    private const string PageCaching = "no-cache";

    private static readonly IReadOnlyDictionary<string, string> PageHeaders = new Dictionary<string, string>
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
    };

    private static readonly IReadOnlyDictionary<string, string> AssetHeaders = new Dictionary<string, string>
    {
        ["X-Content-Type-Options"] = "nosniff",
    };

    /// <summary>Runs on GET /: the dashboard page.</summary>
    [Function("Dashboard")]
    public IActionResult Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "/")] HttpRequest request) =>
        DashboardAssets.Embedded.Index is { } page
            ? new BodyResult(StatusCodes.Status200OK, page.Content, page.ContentType) { CacheControl = PageCaching, Headers = PageHeaders }
            : ApiResults.NotFound("This build has no dashboard; build the app with Node.js installed.");

    /// <summary>Runs on GET /dashboard/{asset}: one file of the bundle by its exact (content-hashed) name, or 404.</summary>
    [Function("DashboardAsset")]
    public IActionResult Asset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "dashboard/{asset}")] HttpRequest request,
        string asset) =>
        DashboardAssets.Embedded.Find(asset) is { } file
            ? new BodyResult(StatusCodes.Status200OK, file.Content, file.ContentType) { CacheControl = HashedAssetCaching, Headers = AssetHeaders }
            : ApiResults.NotFound($"No dashboard file named '{Http.BrochureRoute.Printable(asset)}'.");
}
