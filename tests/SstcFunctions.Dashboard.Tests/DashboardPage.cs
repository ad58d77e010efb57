using Microsoft.Playwright;

namespace SstcFunctions.Dashboard.Tests;

/// <summary>
/// One browser tab on the dashboard at a given viewport, recording every console error, uncaught exception, failed
/// request and HTTP error response it sees, so each test can end by asserting there were none.
/// </summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private readonly List<string> _problems = [];

    private DashboardPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public IReadOnlyList<string> Problems => _problems;

    public static async Task<DashboardPage> OpenAsync(IBrowser browser, Uri baseAddress, int width, int height)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = baseAddress.ToString(),
        });
        var page = await context.NewPageAsync();
        var tab = new DashboardPage(context, page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error") tab.Record($"console error: {message.Text}");
        };
        page.PageError += (_, error) => tab.Record($"uncaught: {error}");
        page.RequestFailed += (_, request) => tab.Record($"request failed: {request.Method} {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) tab.Record($"HTTP {response.Status}: {response.Request.Method} {response.Url}");
        };
        return tab;
    }

    private void Record(string problem)
    {
        lock (_problems) _problems.Add(problem);
    }

    /// <summary>Opens the dashboard (with a query string, if any) and waits until its first view is drawn.</summary>
    public async Task GotoAsync(string query = "")
    {
        await Page.GotoAsync("/" + query);
        await WaitForViewAsync(0);
    }

    /// <summary>How many views the page has drawn (each filter change or page turn draws one).</summary>
    public async Task<int> ViewsDrawnAsync() =>
        await Page.EvaluateAsync<int>("() => Number(document.body.dataset.loaded ?? 0)");

    /// <summary>Waits until a view newer than <paramref name="after"/> is drawn and the headline figures are in.</summary>
    public Task WaitForViewAsync(int after) =>
        DashboardFixture.WaitForAsync(async () =>
            await ViewsDrawnAsync() > after
            && await Page.EvaluateAsync<bool>("() => document.getElementById('figures').getAttribute('aria-busy') === 'false'"),
            TimeSpan.FromSeconds(30), "the dashboard to draw its view");

    /// <summary>Runs an action that redraws the view (a filter change) and waits for the new view.</summary>
    public async Task RedrawAsync(Func<Task> action)
    {
        var before = await ViewsDrawnAsync();
        await action();
        await WaitForViewAsync(before);
    }

    public void AssertNoProblems() =>
        Assert.True(_problems.Count == 0, "the page reported:\n" + string.Join("\n", _problems));

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
