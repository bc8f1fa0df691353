using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkingGroup.Workflows.Activities;
using WorkingGroup.Workflows.Definitions;
using WorkingGroup.Workflows.Expressions;
using WorkingGroup.Workflows.Persistence;
using WorkingGroup.Workflows.Versioning;

namespace WorkingGroup.Workflows.Runtime;

/// <summary>
/// Starts and resumes instances. Every step loads the instance, runs until it blocks, and saves the new
/// state, the consumed and new bookmarks, timers, tasks, journal and outbox in one transaction; a step that
/// loses a race on the instance's concurrency stamp reloads and runs again.
/// </summary>
public sealed class WorkflowRuntime
{
    private readonly IWorkflowDbContextFactory contexts;
    private readonly WorkflowDefinitionStore definitions;
    private readonly ActivityRegistry registry;
    private readonly ExpressionEvaluator evaluator;
    private readonly IServiceProvider services;
    private readonly TimeProvider clock;
    private readonly WorkflowEngineOptions options;
    private readonly ILogger<WorkflowRuntime> logger;
    private readonly ConcurrentDictionary<string, ExecutionSetup> publishedSetups = new();
    private readonly ConcurrentDictionary<string, WorkflowDefinition> publishedDefinitions = new();

    internal WorkflowRuntime(
        IWorkflowDbContextFactory contexts, WorkflowDefinitionStore definitions, ActivityRegistry registry, ExpressionEvaluator evaluator,
        IServiceProvider services, TimeProvider clock, WorkflowEngineOptions options, ILogger<WorkflowRuntime> logger)
    {
        this.contexts = contexts;
        this.definitions = definitions;
        this.registry = registry;
        this.evaluator = evaluator;
        this.services = services;
        this.clock = clock;
        this.options = options;
        this.logger = logger;
    }

    /// <summary>Starts an instance of the published version (or of the given version) and runs it until it blocks.</summary>
    public async Task<WorkflowRunResult> StartAsync(string definitionId, StartWorkflowOptions? start = null, CancellationToken cancellationToken = default)
    {
        start ??= new StartWorkflowOptions();
        await using var db = await OpenAsync(cancellationToken);
        var definition = await definitions.FindForStartAsync(db, definitionId, start.Version, cancellationToken)
            ?? throw new WorkflowNotFoundException(start.Version is null
                ? $"Workflow definition '{definitionId}' has no published version."
                : $"Workflow definition '{definitionId}' has no version {start.Version}.");
        return await StartInAsync(db, definition, start, null, null, cancellationToken);
    }

    /// <summary>
    /// Publishes an event. As in Elsa, it first starts an instance of every published definition whose
    /// <c>Elsa.Event</c> for this name may start the workflow (<c>canStartWorkflow</c>), then resumes every
    /// Event activity waiting for this name (and this correlation id, when given). Each start and resume is
    /// its own transaction.
    /// </summary>
    public async Task<IReadOnlyList<WorkflowRunResult>> PublishEventAsync(
        string eventName, string? correlationId = null, JsonNode? payload = null, string? actor = null, CancellationToken cancellationToken = default)
    {
        List<string> bookmarkIds;
        await using (var db = await contexts.CreateAsync(cancellationToken))
        {
            bookmarkIds = await WaitingFor(db, eventName, correlationId, cancellationToken);
        }

        var results = new List<WorkflowRunResult>();
        foreach (var (definition, trigger) in await StartersOf(eventName, cancellationToken))
        {
            await using var startDb = await OpenAsync(cancellationToken);
            results.Add(await StartInAsync(startDb, definition, new StartWorkflowOptions { CorrelationId = correlationId, Actor = actor }, trigger.Id, payload, cancellationToken));
        }

        foreach (var bookmarkId in bookmarkIds)
        {
            try
            {
                results.Add(await ResumeBookmarkAsync(bookmarkId, payload, actor, cancellationToken));
            }
            catch (WorkflowNotFoundException)
            {
                logger.LogDebug("Bookmark {BookmarkId} was consumed before event {EventName} reached it.", bookmarkId, eventName);
            }
        }

        return results;
    }

    /// <summary>
    /// Publishes an event inside the caller's context (and its transaction, when one is open): the caller's own
    /// changes, the instances the event starts and the steps it resumes are saved through <paramref name="db"/>,
    /// so a host command and the workflow steps it causes commit or roll back together. On a
    /// <see cref="DbUpdateConcurrencyException"/> the context is spent: roll back and run the whole command again
    /// on a new context.
    /// </summary>
    public async Task<IReadOnlyList<WorkflowRunResult>> PublishEventAsync(
        DbContext db, string eventName, string? correlationId = null, JsonNode? payload = null, string? actor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var bookmarkIds = await WaitingFor(db, eventName, correlationId, cancellationToken);
        var results = new List<WorkflowRunResult>();
        foreach (var (definition, trigger) in await StartersOf(eventName, cancellationToken))
        {
            results.Add(await StartInAsync(db, definition, new StartWorkflowOptions { CorrelationId = correlationId, Actor = actor }, trigger.Id, payload, cancellationToken));
        }

        foreach (var bookmarkId in bookmarkIds)
        {
            // The step's own look-up finds the bookmark gone (consumed by an earlier resume of this publish) before
            // anything is written; no separate existence query.
            try
            {
                results.Add(await StepInAsync(db, ByBookmark(bookmarkId), ResumeBookmark(bookmarkId, payload), actor, payload, null, cancellationToken));
            }
            catch (WorkflowNotFoundException)
            {
                logger.LogDebug("Bookmark {BookmarkId} was consumed before event {EventName} reached it.", bookmarkId, eventName);
            }
        }

        return results;
    }

    private static Task<List<string>> WaitingFor(DbContext db, string eventName, string? correlationId, CancellationToken cancellationToken)
    {
        var hash = BookmarkHash.ForEvent(eventName);
        return db.Set<WorkflowBookmarkRecord>()
            .Where(b => b.Name == "Elsa.Event" && b.Hash == hash && (correlationId == null || b.CorrelationId == correlationId))
            .OrderBy(b => b.CreatedAt).Select(b => b.Id).ToListAsync(cancellationToken);
    }

    private async Task<List<(WorkflowDefinition Definition, ActivityNode Trigger)>> StartersOf(string eventName, CancellationToken cancellationToken) =>
        [.. (await definitions.ListPublishedAsync(cancellationToken)).SelectMany(d => EventTriggers(d, eventName).Select(t => (d, t)))];

    /// <summary>Resumes the activity waiting on a bookmark; the input reaches it as its resume input.</summary>
    public Task<WorkflowRunResult> ResumeBookmarkAsync(string bookmarkId, JsonNode? input = null, string? actor = null, CancellationToken cancellationToken = default) =>
        StepAsync(ByBookmark(bookmarkId), ResumeBookmark(bookmarkId, input), actor, input, cancellationToken);

    private static InstanceLocator ByBookmark(string bookmarkId) =>
        new((db, cancellationToken) => InstanceQueries.For(db).ByBookmark(db, bookmarkId, cancellationToken), $"Bookmark '{bookmarkId}' not found.");

    private static Func<WorkflowExecution, Task> ResumeBookmark(string bookmarkId, JsonNode? input) =>
        execution => execution.ResumeAsync(execution.FindBookmark(bookmarkId) ?? throw new WorkflowNotFoundException($"Bookmark '{bookmarkId}' not found."), input);

    /// <summary>Completes an open task (Elsa's <c>POST /tasks/{taskId}/complete</c>) and resumes its RunTask.</summary>
    public Task<WorkflowRunResult> CompleteTaskAsync(string taskId, JsonNode? result = null, string? actor = null, CancellationToken cancellationToken = default) =>
        StepAsync(
            new InstanceLocator((db, cancellationToken) => InstanceQueries.For(db).ByOpenTask(db, taskId, cancellationToken), $"Open task '{taskId}' not found."),
            execution => execution.ResumeAsync(execution.FindTaskBookmark(taskId) ?? throw new WorkflowNotFoundException($"Open task '{taskId}' not found."), result),
            actor, result, cancellationToken);

    /// <summary>Runs the faulted activities of an instance again.</summary>
    public Task<WorkflowRunResult> RetryAsync(string instanceId, string? actor = null, CancellationToken cancellationToken = default) =>
        StepAsync(ById(instanceId), execution => execution.RetryAsync(), actor, null, cancellationToken, s => s == WorkflowSubStatus.Faulted);

    /// <summary>Cancels an instance: its bookmarks, timers and open tasks go.</summary>
    public Task<WorkflowRunResult> CancelAsync(string instanceId, string? actor = null, CancellationToken cancellationToken = default) =>
        StepAsync(ById(instanceId), execution =>
        {
            execution.Cancel();
            return Task.CompletedTask;
        }, actor, null, cancellationToken, s => s is not (WorkflowSubStatus.Finished or WorkflowSubStatus.Cancelled));

    /// <summary>The current state of an instance, or null.</summary>
    public async Task<WorkflowRunResult?> FindInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var record = await InstanceQueries.For(db).ById(db, instanceId, cancellationToken);
        return record is null ? null : Result(await DefinitionOf(record, cancellationToken), record, StepWriter.ReadState(record));
    }

    /// <summary>Fires a claimed timer inside the caller's context and transaction; the timer row is deleted with the step.</summary>
    internal async Task FireTimerAsync(DbContext db, WorkflowTimerRecord timer, CancellationToken cancellationToken) =>
        await StepInAsync(
            db, ById(timer.InstanceId), execution => execution.ResumeAsync(execution.FindBookmark(timer.Id) ?? throw new WorkflowNotFoundException($"Bookmark '{timer.Id}' not found."), null),
            "timer", null, null, cancellationToken);

    /// <summary>
    /// A context whose connection stays open until it is disposed: a step's read and its save then share one
    /// pooled connection instead of taking it from the pool (and resetting it) twice.
    /// </summary>
    private async Task<DbContext> OpenAsync(CancellationToken cancellationToken)
    {
        var db = await contexts.CreateAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    private async Task<WorkflowRunResult> StartInAsync(
        DbContext db, WorkflowDefinition definition, StartWorkflowOptions start, string? triggerActivityId, JsonNode? triggerPayload, CancellationToken cancellationToken)
    {
        var state = new WorkflowState { TriggerActivityId = triggerActivityId };
        var instanceId = start.InstanceId ?? WorkflowExecution.NewId();
        await using var scope = services.CreateAsyncScope();
        var execution = new WorkflowExecution(
            Setup(definition, triggerActivityId), state, instanceId, start.CorrelationId, start.Actor, new StepScope(scope.ServiceProvider, db), cancellationToken);
        await execution.StartAsync(start.Input, triggerPayload);

        var now = clock.GetUtcNow();
        var record = new WorkflowInstanceRecord
        {
            Id = instanceId,
            DefinitionId = definition.DefinitionId,
            DefinitionVersionId = definition.Id!,
            Version = definition.Version,
            CorrelationId = start.CorrelationId,
            Name = definition.Name,
            Status = string.Empty,
            SubStatus = string.Empty,
            State = string.Empty,
            CreatedAt = now,
        };
        StepWriter.UpdateInstance(record, state, now);
        var batch = new StepBatch(db);
        batch.InsertInstance(record);
        StepWriter.WriteEffects(batch, record, execution.Effects, start.Actor, null, now);
        await batch.SaveAsync(cancellationToken);
        return Result(definition, record, state);
    }

    private async Task<WorkflowRunResult> StepAsync(
        InstanceLocator instance, Func<WorkflowExecution, Task> act, string? actor, JsonNode? input, CancellationToken cancellationToken, Func<WorkflowSubStatus, bool>? allowed = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await OpenAsync(cancellationToken);
            try
            {
                return await StepInAsync(db, instance, act, actor, input, allowed, cancellationToken);
            }
            catch (DbUpdateException exception) when (attempt < options.MaxStepAttempts)
            {
                logger.LogDebug(exception, "A step lost a race (attempt {Attempt}); reloading.", attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt)), CancellationToken.None);
            }
        }
    }

    private async Task<WorkflowRunResult> StepInAsync(
        DbContext db, InstanceLocator instance, Func<WorkflowExecution, Task> act, string? actor, JsonNode? input, Func<WorkflowSubStatus, bool>? allowed, CancellationToken cancellationToken)
    {
        var record = await instance.Find(db, cancellationToken) ?? throw new WorkflowNotFoundException(instance.NotFound);
        var state = StepWriter.ReadState(record);
        // Resumes need no guard: a finished instance has no bookmarks left, so they report "not found".
        if (allowed is not null && !allowed(state.SubStatus))
        {
            throw new InvalidOperationException($"Workflow instance '{record.Id}' is {state.SubStatus}.");
        }

        var definition = await DefinitionOf(record, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var execution = new WorkflowExecution(
            Setup(definition, state.TriggerActivityId), state, record.Id, record.CorrelationId, actor, new StepScope(scope.ServiceProvider, db), cancellationToken);
        await act(execution);
        var now = clock.GetUtcNow();
        var readStamp = record.ConcurrencyStamp;
        StepWriter.UpdateInstance(record, state, now);
        var batch = new StepBatch(db);
        batch.UpdateInstance(record, readStamp);
        StepWriter.WriteEffects(batch, record, execution.Effects, actor, input, now);
        await batch.SaveAsync(cancellationToken);
        return Result(definition, record, state);
    }

    private static InstanceLocator ById(string instanceId) =>
        new((db, cancellationToken) => InstanceQueries.For(db).ById(db, instanceId, cancellationToken), $"Workflow instance '{instanceId}' not found.");

    private async Task<WorkflowDefinition> DefinitionOf(WorkflowInstanceRecord record, CancellationToken cancellationToken) =>
        publishedDefinitions.TryGetValue(record.DefinitionVersionId, out var definition)
            ? definition
            : await definitions.FindByVersionIdAsync(record.DefinitionVersionId, cancellationToken)
                ?? throw new WorkflowNotFoundException($"Definition version '{record.DefinitionVersionId}' of instance '{record.Id}' not found.");

    /// <summary>Published versions never change, so their analysed graphs are kept (per trigger); drafts are analysed per step.</summary>
    private ExecutionSetup Setup(WorkflowDefinition definition, string? triggerActivityId)
    {
        var key = $"{definition.Id}|{triggerActivityId}";
        if (definition.IsPublished && publishedSetups.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var setup = new ExecutionSetup(definition, new FlowGraph(definition.Root, triggerActivityId), registry, evaluator, clock);
        if (definition.IsPublished)
        {
            publishedSetups[key] = setup;
            publishedDefinitions[definition.Id!] = definition;
        }

        return setup;
    }

    /// <summary>Event activities that start the workflow on this event name (a literal name; Elsa indexes triggers the same way).</summary>
    private static IEnumerable<ActivityNode> EventTriggers(WorkflowDefinition definition, string eventName) =>
        (definition.Root.Activities ?? []).Where(a =>
            a.Type == "Elsa.Event" && a.HasFlag("canStartWorkflow") &&
            a.FindInput("eventName") is { Type: ExpressionTypes.Literal } name && name.Text == eventName);

    private static WorkflowRunResult Result(WorkflowDefinition definition, WorkflowInstanceRecord record, WorkflowState state)
    {
        var variables = new JsonObject();
        foreach (var variable in definition.Variables)
        {
            variables[variable.Name] = state.Variables.GetValueOrDefault(variable.Id)?.DeepClone();
        }

        return new WorkflowRunResult(record.Id, record.Version, state.Status, state.SubStatus, [.. state.Bookmarks], [.. state.Incidents], variables, (JsonObject)state.Output.DeepClone());
    }
}

/// <summary>How a step finds its instance in one query (by id, or through a bookmark or task), and what to say when it is gone.</summary>
internal sealed record InstanceLocator(Func<DbContext, CancellationToken, Task<WorkflowInstanceRecord?>> Find, string NotFound);
