using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using Scalar.AspNetCore;
using WorkingGroup.Server.Api.Decisions;
using WorkingGroup.Server.Api.Materials;
using WorkingGroup.Server.Api.Meetings;
using WorkingGroup.Server.Api.Protocols;
using WorkingGroup.Server.Components;
using WorkingGroup.Server.Components.Account;
using WorkingGroup.Server.Errors;
using WorkingGroup.Server.Identity;
using WorkingGroup.Server.Mail;
using WorkingGroup.Server.Notifications;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Workflows;

var builder = WebApplication.CreateBuilder(args);

if (!builder.Environment.IsDevelopment())
{
    // Structured logs, one JSON object per line, outside development.
    builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
}

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddWorkingGroupDatabase(builder.Configuration, builder.Environment);
builder.Services.AddWorkingGroupIdentity();
builder.Services.AddAuthorizationBuilder().AddWorkingGroupPolicies();
builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, RoleOnSideHandler>();
builder.Services.AddSingleton(builder.Configuration.GetSection(SeedOptions.SectionName).Get<SeedOptions>() ?? new SeedOptions());
builder.Services.AddScoped<IdentitySeeder>();
builder.Services.AddWorkingGroupMail(builder.Configuration, builder.Environment);
builder.Services.AddWorkingGroupWorkflows(builder.Configuration);

builder.Services.AddWorkingGroupProblemDetails();
builder.Services.AddValidation();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");

builder.Services.AddLocalization();
// Russian text goes out as text, not as &#x...; escapes.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddRazorComponents();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddMudServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseProblemDetailsForEmptyErrors();
app.UseRequestLocalization(o =>
{
    // Russian first, then English.
    string[] cultures = ["ru", "en"];
    o.SetDefaultCulture(cultures[0]).AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
    o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
});
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/api-reference", o => o.WithTitle("WorkingGroup API")).AllowAnonymous();
app.MapAuthApi();
app.MapPasswordResetApi();
app.MapAccountsApi();
app.MapTasksApi();
app.MapWorkflowsApi();
app.MapMeetingsApi();
app.MapAgendaApi();
app.MapMeetingLifecycleApi();
app.MapAttendanceApi();
app.MapGuestsApi();
app.MapCompositionChangesApi();
app.MapNotificationsApi();
app.MapMaterialsApi();
app.MapProtocolsApi();
app.MapDecisionsApi();
app.MapAccountPages();
app.MapRazorComponents<App>();

await app.Services.MigrateDatabaseAsync();
await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
}

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("WorkingGroup is ready: open {Urls} and sign in", string.Join(", ", app.Urls)));

await app.RunAsync();
