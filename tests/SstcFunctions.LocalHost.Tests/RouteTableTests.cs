using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.LocalHost.Http;

namespace SstcFunctions.LocalHost.Tests;

/// <summary>The host's routes are the FunctionApp's [Function]/[HttpTrigger] attributes, with their methods and auth levels.</summary>
[Collection(LocalHostCollection.Name)]
public sealed partial class RouteTableTests(LocalHostFixture fixture)
{
    private sealed record DeclaredRoute(string Function, string Route, string[] Methods, AuthorizationLevel Level);

    /// <summary>Read independently of the host's own reader, straight from the attributes.</summary>
    private static readonly DeclaredRoute[] Declared = (
        from type in LocalFunctionsHost.FunctionApp.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        let function = method.GetCustomAttribute<FunctionAttribute>()
        where function is not null
        from parameter in method.GetParameters()
        let trigger = parameter.GetCustomAttribute<HttpTriggerAttribute>()
        where trigger is not null
        select new DeclaredRoute(function.Name, trigger.Route ?? function.Name, trigger.Methods ?? [], trigger.AuthLevel)).ToArray();

    public static TheoryData<string> HttpFunctions => new(Declared.Select(d => d.Function));

    [Fact]
    public void The_function_app_declares_the_catalogue_api()
    {
        Assert.Contains(Declared, d => d.Route == "api/health");
        Assert.Contains(Declared, d => d.Route == "api/projects");
        Assert.Contains(Declared, d => d.Route == "api/brochures" && d.Methods.Contains("post", StringComparer.OrdinalIgnoreCase));
        Assert.Contains(Declared, d => d.Route == "/" && d.Function == "Dashboard");
    }

    [Fact]
    public void Host_routes_are_exactly_the_declared_http_functions()
    {
        var hosted = fixture.Host.Routes
            .Select(r => $"{r.FunctionName} {string.Join(",", r.Methods)} {r.Route} {r.AuthLevel}")
            .Order().ToArray();
        var declared = Declared
            .Select(d => $"{d.Function} {string.Join(",", d.Methods.Select(m => m.ToUpperInvariant()))} {d.Route} {d.Level}")
            .Order().ToArray();
        Assert.Equal(declared, hosted);
    }

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public async Task Every_http_function_is_reachable_with_its_method_and_the_key(string functionName)
    {
        var route = Declared.Single(d => d.Function == functionName);
        foreach (var method in route.Methods)
        {
            var before = Invocations(functionName);
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), Url(route.Route));
            request.Headers.Add(HttpFunctionEndpoints.FunctionKeyHeader, LocalHostFixture.FunctionKey);
            using var response = await fixture.Http.SendAsync(request);

            Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(before + 1, Invocations(functionName));
        }
    }

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public async Task Function_level_routes_refuse_a_missing_or_wrong_key_and_anonymous_routes_do_not(string functionName)
    {
        var route = Declared.Single(d => d.Function == functionName);
        var method = new HttpMethod(route.Methods[0].ToUpperInvariant());
        var before = Invocations(functionName);

        using var withoutKey = await fixture.Http.SendAsync(new HttpRequestMessage(method, Url(route.Route)));
        using var wrongKey = await fixture.Http.SendAsync(new HttpRequestMessage(method, Url(route.Route) + "?code=not-the-key"));

        if (route.Level == AuthorizationLevel.Anonymous)
        {
            Assert.NotEqual(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
            Assert.Equal(before + 2, Invocations(functionName));
        }
        else
        {
            foreach (var refused in new[] { withoutKey, wrongKey })
            {
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
                Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
                Assert.Contains("\"status\":401", await refused.Content.ReadAsStringAsync());
            }
            Assert.Equal(before, Invocations(functionName));
        }
    }

    [Fact]
    public async Task The_key_is_accepted_in_the_code_query_parameter()
    {
        var route = Declared.First(d => d.Level == AuthorizationLevel.Function);
        using var request = new HttpRequestMessage(new HttpMethod(route.Methods[0].ToUpperInvariant()),
            Url(route.Route) + "?code=" + LocalHostFixture.FunctionKey);
        using var response = await fixture.Http.SendAsync(request);

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void Every_api_url_is_unchanged_by_serving_the_dashboard_at_the_root()
    {
        // The URLs the API had when the Functions host added the "api" prefix itself; now host.json's routePrefix is ""
        // (so the dashboard can answer at /) and each API function names api/… in its own route.
        string[] apiUrls =
        [
            "DELETE api/brochures/{id}", "GET api/brochures", "GET api/brochures/{id}", "GET api/facets", "GET api/health",
            "GET api/openapi.json", "GET api/projects", "GET api/projects/{id}", "POST api/brochures",
        ];
        var hosted = fixture.Host.Routes.SelectMany(r => r.Methods.Select(m => $"{m} {r.Route}")).ToHashSet();
        Assert.Superset(apiUrls.ToHashSet(), hosted);
        Assert.All(fixture.Host.Routes.Where(r => !r.FunctionName.StartsWith("Dashboard", StringComparison.Ordinal)),
            r => Assert.StartsWith("api/", r.Route));
    }

    [Fact]
    public async Task Routes_live_under_the_api_prefix_and_undeclared_methods_are_not_routed()
    {
        using var health = await fixture.Http.GetAsync("api/health");
        using var withoutPrefix = await fixture.Http.GetAsync("health");
        using var wrongMethod = await fixture.Http.PutAsync("api/health", new StringContent(""));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("application/json", health.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, withoutPrefix.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
    }

    [Fact]
    public async Task Every_response_says_nosniff_the_hosts_own_errors_included()
    {
        using var ok = await fixture.Http.GetAsync("api/health");
        using var notFound = await fixture.Http.GetAsync("api/no-such-route");
        using var wrongMethod = await fixture.Http.PutAsync("api/health", new StringContent(""));
        using var noKey = await fixture.Http.PostAsync("api/brochures?name=x.pdf", new ByteArrayContent([]));
        using var problem = await fixture.Http.GetAsync("api/projects?country=not-a-country");

        foreach (var response in new[] { ok, notFound, wrongMethod, noKey, problem })
        {
            Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var values), $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {(int)response.StatusCode}");
            Assert.Equal(["nosniff"], values);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed, HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest],
            new[] { ok, notFound, wrongMethod, noKey, problem }.Select(r => r.StatusCode));
    }

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public async Task Every_get_route_also_answers_head_with_the_same_status_and_no_body(string functionName)
    {
        var route = Declared.Single(d => d.Function == functionName);
        if (!route.Methods.Contains("get", StringComparer.OrdinalIgnoreCase)) return; // POST/DELETE-only functions have no HEAD
        Assert.Contains("head", route.Methods, StringComparer.OrdinalIgnoreCase);

        using var get = await fixture.Http.GetAsync(Url(route.Route));
        using var head = await fixture.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, Url(route.Route)));

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
    }

    private int Invocations(string functionName) =>
        fixture.Host.Services.GetRequiredService<FunctionInvocationLog>().CountOf(functionName);

    /// <summary>
    /// "api/brochures/{id}" → "api/brochures/route-probe"; optional parameters are left out. Relative to the host's
    /// base address: host.json's routePrefix is "" and every route names its full path.
    /// </summary>
    private static string Url(string route)
    {
        var path = OptionalParameter().Replace(route, "");
        path = RouteParameter().Replace(path, "route-probe");
        return path.Trim('/').Replace("//", "/");
    }

    [GeneratedRegex(@"\{[^{}]+\?\}")]
    private static partial Regex OptionalParameter();

    [GeneratedRegex(@"\{[^{}]+\}")]
    private static partial Regex RouteParameter();
}
