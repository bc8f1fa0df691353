using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WorkingGroup.Testing;

/// <summary>
/// A server under test with settings given as if by appsettings or environment variables
/// (<c>UseSetting</c> is visible to configuration read before <c>Build()</c>).
/// </summary>
public sealed class ConfiguredWebApplicationFactory<TEntryPoint>(IReadOnlyDictionary<string, string?> settings, string environment)
    : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
