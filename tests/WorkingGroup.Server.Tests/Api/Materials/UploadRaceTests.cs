using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Server.Tests.Infrastructure;
using static WorkingGroup.Server.Tests.Api.MeetingStages;

namespace WorkingGroup.Server.Tests.Api.Materials;

/// <summary>
/// Uploads of the same bytes at the same moment: the file is stored once (its id is the content's SHA-256) and every
/// upload lands. On PostgreSQL the uploads really run in parallel transactions; SQLite serialises writers.
/// </summary>
public abstract class UploadRaceTests(AppFixture app) : IAsyncLifetime
{
    private static readonly string[] Uploaders =
    [
        "ru.member1@example.org", "ru.member2@example.org", "ru.member3@example.org", "ru.member4@example.org",
        "kz.member1@example.org", "kz.member2@example.org", "kz.member3@example.org", "kz.member4@example.org",
    ];

    private ProcedureServer _server = null!;

    public async Task InitializeAsync() => _server = await ProcedureServer.StartAsync(app);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Simultaneous_uploads_of_the_same_bytes_by_different_members_all_land_and_share_one_stored_file()
    {
        var meeting = await _server.MeetingAsync(Stage.CollectingMaterials);
        var content = RandomNumberGenerator.GetBytes(64 * 1024);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var members = new List<HttpClient>();
        foreach (var email in Uploaders)
        {
            members.Add(await _server.ClientAsync(email));
        }

        var responses = await Task.WhenAll(members.Select((member, i) => member.PostAsync($"/api/meetings/{meeting.Id}/materials", Form(content, i))));

        var answers = await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}"));
        Assert.True(responses.All(r => r.StatusCode == HttpStatusCode.Created), string.Join(Environment.NewLine, answers));
        Assert.Equal(1, await _server.InScopeAsync(db => db.Files.CountAsync(f => f.Id == hash)));
        var materials = await _server.InScopeAsync(db => db.Materials.Where(m => m.MeetingId == meeting.Id).ToListAsync());
        Assert.Equal(Uploaders.Length, materials.Count);
        Assert.All(materials, m => Assert.Equal(hash, Assert.Single(m.Versions).ContentHash));
        foreach (var disposable in responses.Concat<IDisposable>(members))
        {
            disposable.Dispose();
        }
    }

    private static MultipartFormDataContent Form(byte[] content, int index) => new()
    {
        { new StringContent($"Справка о квалификациях ({index + 1})"), "title" },
        { new ByteArrayContent(content), "file", "Справка.pdf" },
    };
}

public sealed class UploadRaceTestsOnSqlite(SqliteApp app) : UploadRaceTests(app), IClassFixture<SqliteApp>;

public sealed class UploadRaceTestsOnPostgres(PostgresApp app) : UploadRaceTests(app), IClassFixture<PostgresApp>;
