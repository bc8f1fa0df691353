using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using WorkingGroup.Server.Tests.Infrastructure;
using WorkingGroup.Server.Workflows;
using WorkingGroup.Testing;
using WorkingGroup.Workflows.Runtime;

namespace WorkingGroup.Server.Tests.Workflows;

/// <summary>
/// The engine inside the server: definitions imported from the definitions folder at start-up, tasks completed
/// through the API by the right person only, e-mails of Elsa.SendEmail delivered by the one mail sender.
/// Run on SQLite and PostgreSQL.
/// </summary>
public abstract class WorkflowHostingTests(AppFixture app) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"wg-workflows-{Guid.NewGuid():N}");
    private readonly SmtpSink _smtp = new();

    // Every test imports its own version of the definitions, mailing addresses no other test uses.
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];
    private WebApplicationFactory<Program> _server = null!;

    /// <summary>Ask the secretary of RU (or anyone holding <paramref name="assignee"/>), mail before and after.</summary>
    private string Definition(string id, string assignee) => $$"""
        {
          "id": "{{id}}-v1", "definitionId": "{{id}}", "name": "{{id}}", "version": 1, "isLatest": true, "isPublished": false,
          "variables": [], "inputs": [], "outputs": [],
          "root": {
            "type": "Elsa.Flowchart", "version": 1, "id": "root", "nodeId": "Workflow1:root",
            "activities": [
              { "id": "notify", "nodeId": "Workflow1:root:notify", "type": "Elsa.SendEmail", "version": 1,
                "to": { "typeName": "Object", "expression": { "type": "Object", "value": "[\"kz.member1+{{_tag}}@example.org\",\"ru.member1+{{_tag}}@example.org\"]" } },
                "subject": { "typeName": "String", "expression": { "type": "Literal", "value": "Повестка сформирована" } },
                "body": { "typeName": "String", "expression": { "type": "Literal", "value": "<p>Повестка заседания</p><p>готова.</p>" } },
                "metadata": { "designer": { "position": { "x": 0, "y": 0 } } } },
              { "id": "ask", "nodeId": "Workflow1:root:ask", "type": "Elsa.RunTask", "version": 1,
                "taskName": { "typeName": "String", "expression": { "type": "Literal", "value": "Разослать пакет материалов" } },
                "assignee": { "typeName": "String", "expression": { "type": "Literal", "value": "{{assignee}}" } },
                "metadata": { "designer": { "position": { "x": 300, "y": 0 } } } },
              { "id": "done", "nodeId": "Workflow1:root:done", "type": "Elsa.SendEmail", "version": 1,
                "to": { "typeName": "Object", "expression": { "type": "Object", "value": "[\"kz.cochair+{{_tag}}@example.org\"]" } },
                "subject": { "typeName": "String", "expression": { "type": "Literal", "value": "Пакет разослан" } },
                "body": { "typeName": "String", "expression": { "type": "Literal", "value": "<p>Готово.</p>" } },
                "metadata": { "designer": { "position": { "x": 600, "y": 0 } } } }
            ],
            "connections": [
              { "source": { "activity": "notify", "port": "Done" }, "target": { "activity": "ask", "port": "In" } },
              { "source": { "activity": "ask", "port": "Done" }, "target": { "activity": "done", "port": "In" } }
            ]
          }
        }
        """;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "package-rs.json"), Definition("package-rs", "ExecutiveSecretary:RU"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "package-any.json"), Definition("package-any", "ExecutiveSecretary"));
        _server = await app.CreateFactoryAsync("Development",
            ("Workflows:DefinitionsFolder", _folder),
            ("Mail:Smtp:Host", "127.0.0.1"),
            ("Mail:Smtp:Port", _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Mail:Smtp:Security", "None"),
            ("Mail:PollInterval", "00:00:00.200"));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _smtp.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<HttpClient> ClientOfAsync(string email)
    {
        var client = _server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await AppFixture.SignInAsync(_server, email));
        return client;
    }

    private async Task<WorkflowRunResult> StartAsync(string definitionId)
    {
        // The folder is imported by a hosted service at start-up; the first start may race it.
        var runtime = _server.Services.GetRequiredService<WorkflowRuntime>();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await runtime.StartAsync(definitionId, new StartWorkflowOptions { CorrelationId = Guid.NewGuid().ToString("N") });
            }
            catch (WorkflowNotFoundException) when (attempt < 100)
            {
                await Task.Delay(100);
            }
        }
    }

    private async Task WaitForMailToAsync(string recipient)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_smtp.Messages.Any(m => m.To.Contains(recipient)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No mail to {recipient}.");
            await Task.Delay(50);
        }
    }

    private static async Task<List<TaskResponse>> TasksAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<TaskResponse>>("/api/tasks"))!;

    [Fact]
    public async Task A_workflows_email_reaches_every_recipient_through_the_mail_outbox()
    {
        await StartAsync("package-rs");

        await WaitForMailToAsync($"kz.member1+{_tag}@example.org");
        await WaitForMailToAsync($"ru.member1+{_tag}@example.org");

        var mails = _smtp.Messages.Where(m => m.To.Any(to => to.Contains(_tag, StringComparison.Ordinal))).ToList();
        Assert.Equal([$"kz.member1+{_tag}@example.org", $"ru.member1+{_tag}@example.org"], mails.SelectMany(m => m.To).Order());
        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.Latin1.GetBytes(mails[0].Data)));
        Assert.Equal("Повестка сформирована", message.Subject);
        Assert.Contains("Повестка заседания", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_for_the_RU_secretary_is_listed_and_completed_by_the_RU_secretary_only()
    {
        var started = await StartAsync("package-rs");
        using var ru = await ClientOfAsync("ru.secretary@example.org");
        using var kz = await ClientOfAsync("kz.secretary@example.org");

        var task = Assert.Single(await TasksAsync(ru), t => t.InstanceId == started.InstanceId);
        Assert.DoesNotContain(await TasksAsync(kz), t => t.InstanceId == started.InstanceId);
        using var refused = await kz.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { result = new { sent = true } });
        using var completed = await ru.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { result = new { sent = true } });

        await Json.ProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var after = await _server.Services.GetRequiredService<WorkflowRuntime>().FindInstanceAsync(started.InstanceId);
        Assert.Equal(WorkflowSubStatus.Finished, after!.SubStatus);
        await WaitForMailToAsync($"kz.cochair+{_tag}@example.org");
    }

    [Fact]
    public async Task Two_secretaries_completing_the_same_task_at_once_one_wins_and_the_workflow_goes_on_once()
    {
        var started = await StartAsync("package-any");
        using var ru = await ClientOfAsync("ru.secretary@example.org");
        using var kz = await ClientOfAsync("kz.secretary@example.org");
        var task = Assert.Single(await TasksAsync(ru), t => t.InstanceId == started.InstanceId);

        var answers = await Task.WhenAll(
            ru.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { result = new { by = "RU" } }),
            kz.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { result = new { by = "KZ" } }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        await WaitForMailToAsync($"kz.cochair+{_tag}@example.org");
        await Task.Delay(500); // a duplicate continuation would send a second message now
        Assert.Single(_smtp.Messages, m => m.To.Contains($"kz.cochair+{_tag}@example.org"));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task The_administrator_starts_a_procedure_through_the_API_and_reads_its_state()
    {
        using var admin = await ClientOfAsync("admin@example.org");
        await StartAsync("package-rs"); // the folder has been imported

        using var started = await admin.PostAsJsonAsync("/api/workflows/package-rs/instances", new { correlationId = "meeting-1" });
        var instance = await started.Content.ReadFromJsonAsync<InstanceResponse>();
        var read = await admin.GetFromJsonAsync<InstanceResponse>($"/api/workflows/instances/{instance!.InstanceId}");

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal("Suspended", read!.SubStatus);
    }

    [Fact]
    public async Task Starting_a_procedure_that_is_not_published_is_404_and_a_member_may_not_start_one()
    {
        using var admin = await ClientOfAsync("admin@example.org");
        using var member = await ClientOfAsync("ru.member2@example.org");

        using var unknown = await admin.PostAsJsonAsync("/api/workflows/no-such-procedure/instances", new { });
        using var refused = await member.PostAsJsonAsync("/api/workflows/package-rs/instances", new { });

        var problem = await Json.ProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal("workflow.definition_not_published", problem.GetProperty("code").GetString());
        await Json.ProblemAsync(refused, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Completing_a_task_that_does_not_exist_is_404()
    {
        using var ru = await ClientOfAsync("ru.secretary@example.org");

        using var response = await ru.PostAsJsonAsync("/api/tasks/no-such-task/complete", new { result = new { } });

        await Json.ProblemAsync(response, HttpStatusCode.NotFound);
    }
}

public sealed class WorkflowHostingTestsOnSqlite(SqliteApp app) : WorkflowHostingTests(app), IClassFixture<SqliteApp>;

public sealed class WorkflowHostingTestsOnPostgres(PostgresApp app) : WorkflowHostingTests(app), IClassFixture<PostgresApp>;
