using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Materials;
using WorkingGroup.Server.Api.Meetings;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Tests.Infrastructure;

namespace WorkingGroup.Server.Tests.Api.Meetings;

/// <summary>
/// Drives meetings through the REST API as the demo accounts do, on a server of its own whose definitions folder is
/// empty: no procedure of <c>workflows/</c> listens, so what the engine does is only what a test publishes.
/// </summary>
internal sealed class MeetingDriver(WebApplicationFactory<Program> server) : IAsyncDisposable
{
    public const string RuSecretary = "ru.secretary@example.org";
    public const string KzSecretary = "kz.secretary@example.org";
    public const string RuCoChair = "ru.cochair@example.org";
    public const string KzCoChair = "kz.cochair@example.org";
    public const string RuMember = "ru.member1@example.org";

    private readonly ConcurrentDictionary<string, HttpClient> _clients = new();

    public WebApplicationFactory<Program> Server => server;

    /// <summary>A wall-clock start 30 days ahead in Almaty, where materials are due 10 days before .</summary>
    public static string LocalStartAhead { get; } =
        DateTime.UtcNow.Date.AddDays(30).AddHours(10).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);

    public async Task<HttpClient> As(string email)
    {
        if (_clients.TryGetValue(email, out var client))
        {
            return client;
        }

        client = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await AppFixture.SignInAsync(server, email));
        return _clients.GetOrAdd(email, client);
    }

    /// <summary>The person id of a demo account (the account id).</summary>
    public async Task<Guid> PersonIdAsync(string email)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return Guid.Parse(await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
    }

    /// <summary>The roles an account holds, or none when there is no such account.</summary>
    public async Task<List<string>> RolesOfAsync(string email)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await (from user in db.Users
                      join userRole in db.UserRoles on user.Id equals userRole.UserId
                      join role in db.Roles on userRole.RoleId equals role.Id
                      where user.Email == email
                      select role.Name!).ToListAsync();
    }

    /// <summary>The people of one side's composition now, co-chair first.</summary>
    public async Task<List<CompositionMemberResponse>> SideAsync(Side side)
    {
        var composition = await (await As(RuMember)).GetFromJsonAsync<CompositionResponse>("/api/composition", Json.Options);
        return [.. composition!.Sides.Single(s => s.Side == side).Members];
    }

    public async Task<MeetingResponse> GetAsync(Guid meetingId, string email = RuMember) =>
        (await (await As(email)).GetFromJsonAsync<MeetingResponse>($"/api/meetings/{meetingId}", Json.Options))!;

    /// <summary>Posts and expects 200/201 with a body of <typeparamref name="T"/>.</summary>
    public async Task<T> OkAsync<T>(string email, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json.Options) };
        using var response = await (await As(email)).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{method} {path} as {email}: {(int)response.StatusCode} {text}");
        return System.Text.Json.JsonSerializer.Deserialize<T>(text, Json.Options)!;
    }

    public Task<MeetingResponse> MeetingCommandAsync(string email, HttpMethod method, string path, object? body = null) =>
        OkAsync<MeetingResponse>(email, method, path, body);

    public async Task<HttpResponseMessage> SendAsync(string email, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json.Options) };
        return await (await As(email)).SendAsync(request);
    }

    public static object Schedule() => new
    {
        localStart = LocalStartAhead, timeZoneId = "Asia/Almaty", format = "InPerson", place = "Астана, пр. Мәңгілік Ел, 8",
    };

    /// <summary>Draft → agenda with a member's question approved by both co-chairs → scheduled → collecting materials.</summary>
    public async Task<Guid> CollectingMaterialsAsync(string title = "Заседание № 1")
    {
        var drafted = await OkAsync<MeetingResponse>(RuSecretary, HttpMethod.Post, "/api/meetings", new { title });
        var id = drafted.Id;
        await MeetingCommandAsync(RuSecretary, HttpMethod.Post, $"/api/meetings/{id}/agenda/start");
        var proposal = await OkAsync<AgendaProposalResponse>(RuMember, HttpMethod.Post, $"/api/meetings/{id}/proposals",
            new { title = "О взаимном признании квалификаций", category = "Harmonisation" });
        await MeetingCommandAsync(RuCoChair, HttpMethod.Post, $"/api/meetings/{id}/proposals/{proposal.Id}/approve");
        await MeetingCommandAsync(KzCoChair, HttpMethod.Post, $"/api/meetings/{id}/proposals/{proposal.Id}/approve");
        await MeetingCommandAsync(RuCoChair, HttpMethod.Put, $"/api/meetings/{id}/schedule", Schedule());
        await MeetingCommandAsync(RuCoChair, HttpMethod.Post, $"/api/meetings/{id}/agenda/approve");
        await MeetingCommandAsync(KzCoChair, HttpMethod.Post, $"/api/meetings/{id}/agenda/approve");
        await MeetingCommandAsync(KzCoChair, HttpMethod.Post, $"/api/meetings/{id}/schedule/confirm");
        await MeetingCommandAsync(RuSecretary, HttpMethod.Post, $"/api/meetings/{id}/materials-collection/start");
        return id;
    }

    /// <summary>
    /// The package goes out. Distribution is the materials API's; here it is done by the domain in the
    /// database, as the persistence tests do, by the KZ secretary.
    /// </summary>
    public async Task<Guid> PackageDistributedAsync(string title = "Заседание № 1")
    {
        var id = await CollectingMaterialsAsync(title);
        var secretary = await PersonIdAsync(KzSecretary);
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var meeting = await db.Meetings.AsSplitQuery().SingleAsync(m => m.Id == id);
        var composition = await db.Compositions.AsSplitQuery().SingleAsync();
        var materials = await db.Materials.Where(m => m.MeetingId == id).ToListAsync();
        MeetingPackage.Distribute(meeting, materials, new Caller(secretary, composition, TimeProvider.System));
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>The secretary of the person's side records their attendance.</summary>
    public async Task RecordAsync(Guid meetingId, Side side, IEnumerable<Guid> people, Presence presence)
    {
        foreach (var person in people)
        {
            await MeetingCommandAsync(side == Side.RU ? RuSecretary : KzSecretary, HttpMethod.Put,
                $"/api/meetings/{meetingId}/attendance/{person}", new { presence = presence.ToString() });
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await server.DisposeAsync();
    }
}
