using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WorkingGroup.Testing;

namespace WorkingGroup.EndToEnd.Tests;

/// <summary>
/// The server on a real 127.0.0.1 port (Kestrel) over a fresh SQLite file with the demo composition,
/// and Debian's Chromium driven by Playwright. Playwright never downloads a browser here.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private readonly TestSqliteFile _database = new("e2e");
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The pickup folder the server writes its e-mail to (no SMTP server is configured).</summary>
    public string MailFolder => _database.MailFolder;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _factory = new ConfiguredWebApplicationFactory<Program>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = _database.ConnectionString,
            ["Seed:DemoComposition"] = "true",
            ["Mail:PickupDirectory"] = MailFolder,
            ["Mail:PollInterval"] = "00:00:00.200",
            ["urls"] = "http://127.0.0.1:0",
        }, "Development");
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal);

        // CI runs the test assemblies side by side on two cores: give pages time, never a speed assertion.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies) with a page on the app.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "ru-RU" });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _database.Delete();
    }
}
