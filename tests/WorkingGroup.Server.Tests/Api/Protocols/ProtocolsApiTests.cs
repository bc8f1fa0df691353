using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Protocols;
using WorkingGroup.Server.Api.Protocols;
using WorkingGroup.Server.Documents;
using WorkingGroup.Server.Mail;
using WorkingGroup.Server.Procedures;
using WorkingGroup.Server.Tests.Infrastructure;
using static WorkingGroup.Server.Tests.Api.MeetingStages;

namespace WorkingGroup.Server.Tests.Api.Protocols;

/// <summary>The protocol through HTTP: review, signing on the DOCX's hash, distribution. SQLite and PostgreSQL.</summary>
public abstract class ProtocolsApiTests(AppFixture app) : IAsyncLifetime
{
    private ProcedureServer _server = null!;

    public async Task InitializeAsync() => _server = await ProcedureServer.StartAsync(app);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Protocol_R3_10_returned_once_is_signed_by_the_deputy_for_the_absent_co_chair_and_the_three_others_on_the_DOCX_hash()
    {
        var meeting = await _server.MeetingAsync(Stage.Held, absentCoChair: Side.RU);
        var ruCoChair = await _server.PersonAsync(RuCoChair);
        var ruDeputy = await _server.PersonAsync(RuDeputy);
        using var ruSecretary = await _server.ClientAsync(RuSecretary);
        using var kzCoChair = await _server.ClientAsync(KzCoChair);
        var url = $"/api/meetings/{meeting.Id}/protocol";

        using (var drafted = await ruSecretary.PostAsJsonAsync(url, new { text = "Заслушали доклад. Решили: рекомендовать." }))
        {
            Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        }

        await OkAsync(await ruSecretary.PutAsJsonAsync($"{url}/text", new { text = "Заслушали доклад Смирновой Е. И. Решили: рекомендовать." }));
        await OkAsync(await ruSecretary.PostAsync($"{url}/submit-for-review", null));
        var first = await OkAsync(await kzCoChair.PostAsync($"{url}/open-for-signing", null));
        Assert.Equal(ProtocolState.Signing, first.State);
        var firstHash = first.DocumentHash!;
        Assert.Equal(firstHash, await DocumentHashAsync(kzCoChair, url));

        var returned = await OkAsync(await kzCoChair.PostAsJsonAsync($"{url}/return", new { reason = "Уточнить формулировку решения" }));
        Assert.Equal((ProtocolState.Returned, "Уточнить формулировку решения", (string?)null), (returned.State, returned.ReturnReason, returned.DocumentHash));

        await OkAsync(await ruSecretary.PutAsJsonAsync($"{url}/text", new { text = "Заслушали доклад Смирновой Е. И. Решили: рекомендовать сторонам." }));
        await OkAsync(await ruSecretary.PostAsync($"{url}/submit-for-review", null));
        using var ruDeputyClient = await _server.ClientAsync(RuDeputy);
        var signing = await OkAsync(await ruDeputyClient.PostAsync($"{url}/open-for-signing", null));
        var hash = signing.DocumentHash!;
        Assert.NotEqual(firstHash, hash);
        Assert.Equal(hash, await DocumentHashAsync(ruSecretary, url));
        var ruChairPlace = Assert.Single(signing.AwaitingSignatures, p => p.Side == Side.RU && p.Role == SignatoryRole.CoChair);
        Assert.Equal((ruDeputy, ruCoChair), (ruChairPlace.PersonId, ruChairPlace.ActingFor));
        Assert.Equal(4, signing.AwaitingSignatures.Count);

        // A member holds no signature place: refused before the domain, nothing changes.
        using var member = await _server.ClientAsync(RuMember1);
        using (var refused = await member.PostAsJsonAsync($"{url}/signatures", new { side = "RU", role = "Secretary", documentHash = hash }))
        {
            await Json.ProblemAsync(refused, HttpStatusCode.Forbidden);
        }

        // the co-chair recorded absent does not sign; the deputy does.
        using var absentCoChair = await _server.ClientAsync(RuCoChair);
        using (var refused = await absentCoChair.PostAsJsonAsync($"{url}/signatures", new { side = "RU", role = "CoChair", documentHash = hash }))
        {
            Assert.Equal("protocol.signer_not_entitled", (await Json.ProblemAsync(refused, HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        }

        // a signature names the document read; the one opened before the return is stale.
        using var kzSecretary = await _server.ClientAsync(KzSecretary);
        using (var stale = await kzSecretary.PostAsJsonAsync($"{url}/signatures", new { side = "KZ", role = "Secretary", documentHash = firstHash }))
        {
            Assert.Equal("protocol.text_changed", (await Json.ProblemAsync(stale, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        }

        Assert.Empty((await GetAsync(ruSecretary, url)).Signatures);

        var deputySigned = await OkAsync(await ruDeputyClient.PostAsJsonAsync($"{url}/signatures", new { side = "RU", role = "CoChair", documentHash = hash }));
        var deputySignature = Assert.Single(deputySigned.Signatures);
        Assert.Equal((ruDeputy, ruCoChair, hash), (deputySignature.PersonId, deputySignature.ActingFor, deputySignature.DocumentHash));
        await OkAsync(await kzCoChair.PostAsJsonAsync($"{url}/signatures", new { side = "KZ", role = "CoChair", documentHash = hash }));
        var three = await OkAsync(await ruSecretary.PostAsJsonAsync($"{url}/signatures", new { side = "RU", role = "Secretary", documentHash = hash }));
        Assert.Equal(ProtocolState.Signing, three.State);
        var signed = await OkAsync(await kzSecretary.PostAsJsonAsync($"{url}/signatures", new { side = "KZ", role = "Secretary", documentHash = hash }));

        Assert.Equal(ProtocolState.Signed, signed.State);
        Assert.Equal(4, signed.Signatures.Count);
        Assert.Empty(signed.AwaitingSignatures);
        Assert.Equal(
            [
                ProcedureEvents.ProtocolDrafted, ProcedureEvents.ProtocolEdited, ProcedureEvents.ProtocolSubmittedForReview,
                ProcedureEvents.ProtocolOpenedForSigning, ProcedureEvents.ProtocolReturned, ProcedureEvents.ProtocolEdited,
                ProcedureEvents.ProtocolSubmittedForReview, ProcedureEvents.ProtocolOpenedForSigning,
                ProcedureEvents.ProtocolSignatureAdded, ProcedureEvents.ProtocolSignatureAdded, ProcedureEvents.ProtocolSignatureAdded,
                ProcedureEvents.ProtocolSignatureAdded, ProcedureEvents.ProtocolSigned,
            ],
            await _server.EventsAsync(meeting.Id));
    }

    [Fact]
    public async Task Distribution_R3_10_mails_every_member_one_copy_with_the_signed_DOCX_notifies_in_the_app_and_logs_each_delivery()
    {
        var meeting = await _server.MeetingAsync(Stage.Held);
        var url = $"/api/meetings/{meeting.Id}/protocol";
        var hash = await SignedAsync(url);
        using var ruSecretary = await _server.ClientAsync(RuSecretary);
        using var document = await ruSecretary.GetAsync($"{url}/document");
        var docx = await document.Content.ReadAsByteArrayAsync();

        using var member = await _server.ClientAsync(KzMember1);
        using (var refused = await member.PostAsync($"{url}/distribute", null))
        {
            await Json.ProblemAsync(refused, HttpStatusCode.Forbidden);
        }

        var distributed = await OkAsync(await ruSecretary.PostAsync($"{url}/distribute", null));

        var members = await _server.InScopeAsync(async db =>
            (await db.Compositions.AsSplitQuery().FirstAsync()).Memberships.Select(m => m.PersonId).ToList());
        var emails = await _server.InScopeAsync(db => db.Users.AsNoTracking().ToDictionaryAsync(u => Guid.Parse(u.Id), u => u.Email!));
        var mails = await _server.InScopeAsync(db => db.Set<OutboxMessage>().AsNoTracking().Include(m => m.Attachments)
            .Where(m => m.Subject.Contains(meeting.Title)).ToListAsync());
        Assert.Equal(18, members.Count);
        Assert.Equal(members.Select(p => emails[p]).Order(), mails.Select(m => m.To).Order());
        Assert.All(mails, mail =>
        {
            var attachment = Assert.Single(mail.Attachments);
            Assert.Equal($"protocol-{meeting.Schedule!.LocalDate:yyyy-MM-dd}.docx", attachment.FileName);
            Assert.Equal(ProtocolDocument.ContentType, attachment.ContentType);
            Assert.Equal(docx, attachment.Content);
            Assert.StartsWith("Протокол заседания", mail.Subject, StringComparison.Ordinal);
            Assert.True(mail.TextBody.IndexOf("Уважаемые коллеги", StringComparison.Ordinal) < mail.TextBody.IndexOf("Dear colleagues", StringComparison.Ordinal));
        });
        Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(docx)));

        var link = $"/api/meetings/{meeting.Id}/protocol/document";
        var notified = await _server.InScopeAsync(db => db.Notifications.AsNoTracking().Where(n => n.Link == link).Select(n => n.PersonId).ToListAsync());
        Assert.Equal(members.Order(), notified.Order());

        Assert.Equal(ProtocolState.Distributed, distributed.State);
        Assert.Equal(
            members.SelectMany(p => new[] { (p, DeliveryChannel.Email), (p, DeliveryChannel.InApp) }).Order(),
            distributed.Deliveries.Select(d => (d.RecipientId, d.Channel)).Order());
        Assert.Contains(ProcedureEvents.ProtocolDistributed, await _server.EventsAsync(meeting.Id));

        using (var again = await ruSecretary.PostAsync($"{url}/distribute", null))
        {
            await Json.ProblemAsync(again, HttpStatusCode.Conflict);
        }

        Assert.Equal(18, await _server.InScopeAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Subject.Contains(meeting.Title))));
    }

    /// <summary>Drafts, reviews, opens and signs the protocol in all four places; returns the document hash.</summary>
    private async Task<string> SignedAsync(string url)
    {
        using var ruSecretary = await _server.ClientAsync(RuSecretary);
        using var kzCoChair = await _server.ClientAsync(KzCoChair);
        (await ruSecretary.PostAsJsonAsync(url, new { text = "Заслушали. Решили." })).Dispose();
        await OkAsync(await ruSecretary.PostAsync($"{url}/submit-for-review", null));
        var hash = (await OkAsync(await kzCoChair.PostAsync($"{url}/open-for-signing", null))).DocumentHash!;
        foreach (var (email, side, role) in new[]
                 {
                     (RuCoChair, "RU", "CoChair"), (KzCoChair, "KZ", "CoChair"), (RuSecretary, "RU", "Secretary"), (KzSecretary, "KZ", "Secretary"),
                 })
        {
            using var signer = await _server.ClientAsync(email);
            await OkAsync(await signer.PostAsJsonAsync($"{url}/signatures", new { side, role, documentHash = hash }));
        }

        return hash;
    }

    /// <summary>Downloads the document twice: the same bytes, whose SHA-256 is the ETag.</summary>
    private static async Task<string> DocumentHashAsync(HttpClient client, string url)
    {
        using var first = await client.GetAsync($"{url}/document");
        using var second = await client.GetAsync($"{url}/document");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var bytes = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(ProtocolDocument.ContentType, first.Content.Headers.ContentType?.MediaType);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal($"\"{hash}\"", first.Headers.ETag?.Tag);
        return hash;
    }

    private static async Task<ProtocolResponse> GetAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<ProtocolResponse>(url, Json.Options))!;

    private static async Task<ProtocolResponse> OkAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<ProtocolResponse>(Json.Options))!;
        }
    }
}

public sealed class ProtocolsApiTestsOnSqlite(SqliteApp app) : ProtocolsApiTests(app), IClassFixture<SqliteApp>;

public sealed class ProtocolsApiTestsOnPostgres(PostgresApp app) : ProtocolsApiTests(app), IClassFixture<PostgresApp>;
