using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Domain.Materials;
using WorkingGroup.Server.Api.Materials;
using WorkingGroup.Server.Procedures;
using WorkingGroup.Server.Tests.Infrastructure;
using static WorkingGroup.Server.Tests.Api.MeetingStages;

namespace WorkingGroup.Server.Tests.Api.Materials;

/// <summary>Materials through HTTP: upload limits, content by hash, the late material and the package. SQLite and PostgreSQL.</summary>
public abstract class MaterialsApiTests(AppFixture app) : IAsyncLifetime
{
    private const int Limit = 4096;
    private ProcedureServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await ProcedureServer.StartAsync(app, ("Materials:MaxFileBytes", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Upload_refuses_an_oversized_file_another_type_or_no_file_with_400_naming_file_and_writes_nothing()
    {
        var meeting = await _server.MeetingAsync(Stage.CollectingMaterials);
        using var member = await _server.ClientAsync(RuMember1);

        foreach (var form in new[]
                 {
                     Form(Bytes(Limit + 1), "report.pdf", "Доклад"),
                     Form(Bytes(100), "setup.exe", "Программа"),
                     Form(Bytes(100), "no-extension", "Без расширения"),
                     Form(null, null, "Без файла"),
                 })
        {
            using var response = await member.PostAsync($"/api/meetings/{meeting.Id}/materials", form);
            var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _), problem.ToString());
        }

        Assert.Empty(await member.GetFromJsonAsync<List<MaterialResponse>>($"/api/meetings/{meeting.Id}/materials", Json.Options) ?? []);
        Assert.Equal(0, await _server.InScopeAsync(db => db.Materials.CountAsync(m => m.MeetingId == meeting.Id)));
    }

    [Fact]
    public async Task Upload_without_a_title_answers_400_naming_title()
    {
        var meeting = await _server.MeetingAsync(Stage.CollectingMaterials);
        using var member = await _server.ClientAsync(RuMember1);

        using var response = await member.PostAsync($"/api/meetings/{meeting.Id}/materials", Form(Bytes(100), "a.txt", " "));

        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _), problem.ToString());
    }

    [Fact]
    public async Task Uploads_of_the_same_bytes_share_one_stored_file_named_by_its_SHA256_and_download_with_it_as_ETag()
    {
        var meeting = await _server.MeetingAsync(Stage.CollectingMaterials);
        using var ru = await _server.ClientAsync(RuMember1);
        using var kz = await _server.ClientAsync(KzMember1);
        var content = Bytes(3000);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));

        var first = await CreatedAsync(await ru.PostAsync($"/api/meetings/{meeting.Id}/materials",
            Form(content, "Справка.pdf", "Справка о квалификациях", meeting.AgendaItems[0].Id)));
        var second = await CreatedAsync(await kz.PostAsync($"/api/meetings/{meeting.Id}/materials", Form(content, "copy.pdf", "Та же справка")));

        Assert.Equal(hash, Assert.Single(first.Versions).ContentHash);
        Assert.Equal(hash, Assert.Single(second.Versions).ContentHash);
        Assert.Equal(("application/pdf", (long?)content.Length), (first.Versions[0].ContentType, first.Versions[0].Length));
        Assert.Equal(meeting.AgendaItems[0].Id, first.AgendaItemId);
        Assert.Equal(MaterialState.Draft, first.State);
        Assert.Equal(1, await _server.InScopeAsync(db => db.Files.CountAsync(f => f.Id == hash)));
        Assert.Equal([ProcedureEvents.MaterialDrafted], await _server.EventsAsync(first.Id));

        using var download = await kz.GetAsync($"/api/materials/{first.Id}/content");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"\"{hash}\"", download.Headers.ETag?.Tag);
        Assert.Equal("Справка.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/materials/{first.Id}/content");
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{hash}\""));
        using var notModified = await kz.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task A_material_for_a_cancelled_meeting_is_refused_with_409_and_nothing_is_written()
    {
        var meeting = await _server.MeetingAsync(Stage.Cancelled);
        using var member = await _server.ClientAsync(RuMember1);
        var content = Bytes(200);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));

        using var response = await member.PostAsync($"/api/meetings/{meeting.Id}/materials", Form(content, "late.docx", "Опоздавший доклад"));

        var problem = await Json.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("material.collection_closed", problem.GetProperty("code").GetString());
        Assert.Equal(0, await _server.InScopeAsync(db => db.Materials.CountAsync(m => m.MeetingId == meeting.Id)));
        Assert.Equal(0, await _server.InScopeAsync(db => db.Files.CountAsync(f => f.Id == hash)));
    }

    [Fact]
    public async Task Package_R3_9_holds_the_accepted_material_and_the_late_one_a_co_chair_admitted()
    {
        var meeting = await _server.MeetingAsync(Stage.CollectingMaterials);
        using (var author = await _server.ClientAsync(RuMember1))
        {
            var onTime = await CreatedAsync(await author.PostAsync($"/api/meetings/{meeting.Id}/materials", Form(Bytes(500), "plan.docx", "План")));
            var submitted = await OkAsync(await author.PostAsync($"/api/materials/{onTime.Id}/submit", null));
            Assert.Equal(MaterialState.Submitted, submitted.State);

            using var kzSecretary = await _server.ClientAsync(KzSecretary);
            using var otherSide = await kzSecretary.PostAsync($"/api/materials/{onTime.Id}/accept", null);
            Assert.Equal("material.not_author_side_secretary", (await Json.ProblemAsync(otherSide, HttpStatusCode.Forbidden)).GetProperty("code").GetString());

            using var ruSecretary = await _server.ClientAsync(RuSecretary);
            Assert.Equal(MaterialState.Accepted, (await OkAsync(await ruSecretary.PostAsync($"/api/materials/{onTime.Id}/accept", null))).State);
            Assert.Equal(
                [ProcedureEvents.MaterialDrafted, ProcedureEvents.MaterialSubmitted, ProcedureEvents.MaterialAccepted],
                await _server.EventsAsync(onTime.Id));
        }

        // from local midnight after (meeting date − 10 days) a submission is late.
        _server.Clock.SetUtcNow(MaterialsDeadline.LateFrom(meeting.Schedule!).AddMinutes(1));
        using var lateAuthor = await _server.ClientAsync(RuMember2);
        var late = await CreatedAsync(await lateAuthor.PostAsync($"/api/meetings/{meeting.Id}/materials", Form(Bytes(700), "annex.xlsx", "Приложение")));
        var lateSubmitted = await OkAsync(await lateAuthor.PostAsync($"/api/materials/{late.Id}/submit", null));
        Assert.Equal(MaterialState.Late, lateSubmitted.State);

        using var member = await _server.ClientAsync(KzMember1);
        using var notCoChair = await member.PostAsJsonAsync($"/api/materials/{late.Id}/admit", new { reason = "Нужно" });
        await Json.ProblemAsync(notCoChair, HttpStatusCode.Forbidden);

        using var kzCoChair = await _server.ClientAsync(KzCoChair);
        var admitted = await OkAsync(await kzCoChair.PostAsJsonAsync($"/api/materials/{late.Id}/admit", new { reason = "Существенно для вопроса 1" }));
        Assert.Equal((MaterialState.Admitted, "Существенно для вопроса 1"), (admitted.State, admitted.DecisionReason));

        using var notSecretary = await member.PostAsync($"/api/meetings/{meeting.Id}/package/distribute", null);
        await Json.ProblemAsync(notSecretary, HttpStatusCode.Forbidden);

        using var secretary = await _server.ClientAsync(KzSecretary);
        using var distributed = await secretary.PostAsync($"/api/meetings/{meeting.Id}/package/distribute", null);
        Assert.Equal(HttpStatusCode.OK, distributed.StatusCode);
        var package = (await distributed.Content.ReadFromJsonAsync<PackageResponse>(Json.Options))!;
        Assert.Equal(2, package.Materials.Count);
        Assert.All(package.Materials, m => Assert.Equal(MaterialState.InPackage, m.State));
        Assert.Contains(late.Id, package.Materials.Select(m => m.Id));
        Assert.Equal(
            [ProcedureEvents.MaterialDrafted, ProcedureEvents.MaterialSubmitted, ProcedureEvents.MaterialAdmitted],
            await _server.EventsAsync(late.Id));
        Assert.Equal([ProcedureEvents.PackageDistributed], await _server.EventsAsync(meeting.Id));
    }

    [Fact]
    public async Task A_returned_material_is_revised_with_a_new_version_and_every_version_stays_downloadable()
    {
        var meeting = await _server.MeetingAsync(Stage.CollectingMaterials);
        using var author = await _server.ClientAsync(KzMember1);
        var original = Bytes(300);
        var material = await CreatedAsync(await author.PostAsync($"/api/meetings/{meeting.Id}/materials", Form(original, "note.txt", "Записка")));
        await OkAsync(await author.PostAsync($"/api/materials/{material.Id}/submit", null));
        using var secretary = await _server.ClientAsync(KzSecretary);
        using (var noReason = await secretary.PostAsJsonAsync($"/api/materials/{material.Id}/return", new { reason = (string?)null }))
        {
            var problem = await Json.ProblemAsync(noReason, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _), problem.ToString());
        }

        var returned = await OkAsync(await secretary.PostAsJsonAsync($"/api/materials/{material.Id}/return", new { reason = "Добавьте источники" }));
        Assert.Equal((MaterialState.Returned, "Добавьте источники"), (returned.State, returned.DecisionReason));

        using var other = await _server.ClientAsync(KzMember1.Replace("member1", "member2", StringComparison.Ordinal));
        using (var notAuthor = await other.PostAsync($"/api/materials/{material.Id}/revise", Form(Bytes(100), "x.txt", "x")))
        {
            Assert.Equal("material.not_author", (await Json.ProblemAsync(notAuthor, HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        }

        var revision = Bytes(400);
        var revised = await OkAsync(await author.PostAsync($"/api/materials/{material.Id}/revise", Form(revision, "note-v2.txt", "Записка")));

        Assert.Equal(MaterialState.Draft, revised.State);
        Assert.Equal([1, 2], revised.Versions.Select(v => v.Number));
        Assert.Equal(revision, await author.GetByteArrayAsync($"/api/materials/{material.Id}/content"));
        Assert.Equal(original, await author.GetByteArrayAsync($"/api/materials/{material.Id}/content?version=1"));
        Assert.Equal(
            [ProcedureEvents.MaterialDrafted, ProcedureEvents.MaterialSubmitted, ProcedureEvents.MaterialReturned, ProcedureEvents.MaterialRevised],
            await _server.EventsAsync(material.Id));
    }

    [Fact]
    public async Task Without_a_sign_in_the_materials_protocol_and_assignment_endpoints_answer_401()
    {
        using var anonymous = _server.Factory.CreateClient();
        var meetingId = Guid.NewGuid();

        using var upload = await anonymous.PostAsync($"/api/meetings/{meetingId}/materials", Form(Bytes(100), "a.pdf", "A"));
        using var sign = await anonymous.PostAsJsonAsync($"/api/meetings/{meetingId}/protocol/signatures", new { side = "RU", role = "CoChair", documentHash = "x" });
        using var assignments = await anonymous.GetAsync("/api/assignments");

        await Json.ProblemAsync(upload, HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(sign, HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(assignments, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_upload_as_a_multipart_form_with_the_file()
    {
        using var client = _server.Factory.CreateClient();

        using var document = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        var upload = paths.GetProperty("/api/meetings/{meetingId}/materials").GetProperty("post");
        var form = upload.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data");
        Assert.Contains("\"file\"", form.ToString(), StringComparison.Ordinal);
        foreach (var path in new[] { "/api/meetings/{meetingId}/protocol/signatures", "/api/assignments/{assignmentId}/verify", "/api/meetings/{meetingId}/package/distribute" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }

    private static byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        Encoding.ASCII.GetBytes(Guid.NewGuid().ToString("N")).CopyTo(bytes, 0);
        return bytes;
    }

    private static MultipartFormDataContent Form(byte[]? content, string? fileName, string title, Guid? agendaItemId = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(title), "title" } };
        if (content is not null)
        {
            form.Add(new ByteArrayContent(content), "file", fileName!);
        }

        if (agendaItemId is { } item)
        {
            form.Add(new StringContent(item.ToString()), "agendaItemId");
        }

        return form;
    }

    private static async Task<MaterialResponse> CreatedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<MaterialResponse>(Json.Options))!;
        }
    }

    private static async Task<MaterialResponse> OkAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<MaterialResponse>(Json.Options))!;
        }
    }
}

public sealed class MaterialsApiTestsOnSqlite(SqliteApp app) : MaterialsApiTests(app), IClassFixture<SqliteApp>;

public sealed class MaterialsApiTestsOnPostgres(PostgresApp app) : MaterialsApiTests(app), IClassFixture<PostgresApp>;
