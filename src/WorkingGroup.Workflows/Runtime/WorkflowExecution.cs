using System.Text.Json.Nodes;
using WorkingGroup.Workflows.Activities;
using WorkingGroup.Workflows.Definitions;
using WorkingGroup.Workflows.Expressions;

namespace WorkingGroup.Workflows.Runtime;

/// <summary>
/// One burst of one instance, in memory: takes work off a FIFO queue until it is empty, then sets the
/// status. Changes go to <see cref="WorkflowState"/> and <see cref="StepEffects"/>; the caller persists both.
/// </summary>
internal sealed partial class WorkflowExecution : IExpressionScope
{
    private readonly WorkflowDefinition definition;
    private readonly FlowGraph graph;
    private readonly WorkflowState state;
    private readonly ActivityRegistry registry;
    private readonly ExpressionEvaluator evaluator;
    private readonly string? actor;
    private readonly LinkedList<WorkItem> queue = new();
    private readonly Dictionary<string, List<string>> journalMessages = [];
    private string? executing;
    private bool finished;

    public WorkflowExecution(
        ExecutionSetup setup, WorkflowState state, string instanceId, string? correlationId, string? actor, StepScope scope, CancellationToken cancellationToken)
    {
        definition = setup.Definition;
        graph = setup.Graph;
        registry = setup.Registry;
        evaluator = setup.Evaluator;
        Scope = scope;
        Clock = setup.Clock;
        this.state = state;
        this.actor = actor;
        InstanceId = instanceId;
        CorrelationId = correlationId;
        CancellationToken = cancellationToken;
        Variables = new VariableStore(definition.Variables, state.Variables);
    }

    public string InstanceId { get; }

    public string? CorrelationId { get; }

    /// <summary>Who caused this step: the starter, the task's completer, the event's publisher; <c>timer</c> for a fired timer.</summary>
    public string? Actor => actor;

    public TimeProvider Clock { get; }

    public StepScope Scope { get; }

    public CancellationToken CancellationToken { get; }

    public VariableStore Variables { get; }

    public StepEffects Effects { get; } = new();

    /// <summary>
    /// Starts a new instance: initial variables, workflow input, then the start activity. A trigger start
    /// (an Event with canStartWorkflow) completes the trigger at once with <paramref name="triggerPayload"/>.
    /// </summary>
    public Task StartAsync(JsonObject? input, JsonNode? triggerPayload = null)
    {
        Variables.Initialize();
        foreach (var (key, value) in input ?? [])
        {
            state.Input[key] = value?.DeepClone();
        }

        if (state.TriggerActivityId is { } trigger)
        {
            queue.AddLast(new WorkItem(trigger, false, null, triggerPayload?.DeepClone()) { IsTrigger = true });
        }
        else if (graph.Start is { } start)
        {
            Schedule(start.Id, backward: false);
        }

        return RunAsync();
    }

    public BookmarkState? FindBookmark(string bookmarkId) => state.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId);

    public BookmarkState? FindTaskBookmark(string taskId) => state.Bookmarks.FirstOrDefault(b => b.TaskId == taskId);

    /// <summary>Resumes an activity waiting on a bookmark; the bookmark is burnt.</summary>
    public Task ResumeAsync(BookmarkState bookmark, JsonNode? input)
    {
        state.Bookmarks.RemoveAll(b => b.Id == bookmark.Id);
        Effects.Remove(bookmark, resumed: true);
        queue.AddLast(new WorkItem(bookmark.ActivityId, false, bookmark.ActivityInstanceId, input?.DeepClone()) { Bookmark = bookmark });
        return RunAsync();
    }

    /// <summary>Runs the faulted activities again, each as a new activity instance.</summary>
    public Task RetryAsync()
    {
        foreach (var faulted in state.OpenActivities.Where(a => a.Status == ActivityStatus.Faulted).ToList())
        {
            state.OpenActivities.Remove(faulted);
            Schedule(faulted.ActivityId, faulted.ViaBackward);
        }

        return RunAsync();
    }

    /// <summary>Cancels the instance: open activities, bookmarks, tasks and timers are dropped.</summary>
    public void Cancel()
    {
        foreach (var open in state.OpenActivities.ToList())
        {
            CancelActivity(open);
        }

        queue.Clear();
        state.SubStatus = WorkflowSubStatus.Cancelled;
    }

    private async Task RunAsync()
    {
        state.SubStatus = WorkflowSubStatus.Executing;
        while (!finished && queue.First is { } first)
        {
            queue.RemoveFirst();
            var item = first.Value;
            executing = item.ActivityId;
            await RunItemAsync(item);
            executing = null;
        }

        state.SubStatus = finished || state.OpenActivities.Count == 0 ? WorkflowSubStatus.Finished
            : state.OpenActivities.Any(a => a.Status == ActivityStatus.Faulted) ? WorkflowSubStatus.Faulted
            : WorkflowSubStatus.Suspended;
    }

    private async Task RunItemAsync(WorkItem item)
    {
        var node = graph.Node(item.ActivityId);
        var resuming = item.ActivityInstanceId is not null || item.IsTrigger;
        var activityInstanceId = item.ActivityInstanceId ?? NewId();
        var viaBackward = item.Backward || (state.OpenActivities.FirstOrDefault(a => a.Id == activityInstanceId)?.ViaBackward ?? false);

        // One journal record per execution, written with its outcome (no "Started"/"Resumed" record of its own);
        // an execution that resumed a bookmark is marked "resumed": true in the record's payload.
        var resumedBookmark = item.ActivityInstanceId is not null;
        var changes = TrackedChanges.Capture(Scope.Db);
        ActivityResult result;
        JsonObject summary;
        try
        {
            var type = registry.Find(node.Type) ?? throw new InvalidOperationException($"Unknown activity type '{node.Type}'.");
            var activity = type.Create();
            summary = await BindInputsAsync(activity, type, node);
            var context = new ActivityContext(this, node, activityInstanceId, item.ResumeInput) { ResumedBookmark = item.Bookmark };
            result = resuming ? await activity.ResumeAsync(context) : await activity.ExecuteAsync(context);
            summary["outputs"] = CaptureOutputs(activity, type, node);
            if (result.IsBlocked && !state.Bookmarks.Any(b => b.ActivityInstanceId == activityInstanceId))
            {
                throw new InvalidOperationException($"Activity '{node.Id}' is blocked but created no bookmark.");
            }

            state.OpenActivities.RemoveAll(a => a.Id == activityInstanceId);
            if (result.IsBlocked)
            {
                state.OpenActivities.Add(new ActivityInstanceState(activityInstanceId, node.Id, ActivityStatus.Running, viaBackward));
                Journal(node, activityInstanceId, "Suspended", MarkResumed(summary, resumedBookmark));
                return;
            }

            RemoveBookmarks(activityInstanceId, resumed: false);
            Journal(node, activityInstanceId, "Completed", MarkResumed(summary, resumedBookmark));
            if (result.IsTerminal)
            {
                FinishWorkflow();
                return;
            }

            if (node.Type == "Elsa.FlowJoin")
            {
                await CancelAncestorsAsync(node.Id);
            }

            await CompleteInFlowAsync(node.Id, result.Outcomes, viaBackward);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !CancellationToken.IsCancellationRequested)
        {
            changes?.Undo();
            Fault(node, activityInstanceId, viaBackward, exception, resumedBookmark);
        }
    }

    private static JsonObject MarkResumed(JsonObject payload, bool resumed)
    {
        if (resumed)
        {
            payload["resumed"] = true;
        }

        return payload;
    }

    private void Fault(ActivityNode node, string activityInstanceId, bool viaBackward, Exception exception, bool resumedBookmark)
    {
        RemoveBookmarks(activityInstanceId, resumed: false);
        state.OpenActivities.RemoveAll(a => a.Id == activityInstanceId);
        state.OpenActivities.Add(new ActivityInstanceState(activityInstanceId, node.Id, ActivityStatus.Faulted, viaBackward));
        var incident = new Incident(node.Id, node.EffectiveNodeId, node.Type, activityInstanceId, exception.Message, ExceptionState.From(exception), Clock.GetUtcNow());
        state.Incidents.Add(incident);
        Journal(node, activityInstanceId, "Faulted", MarkResumed(new JsonObject { ["exception"] = $"{exception.GetType().Name}: {exception.Message}" }, resumedBookmark));
    }

    private void FinishWorkflow()
    {
        foreach (var open in state.OpenActivities.ToList())
        {
            CancelActivity(open);
        }

        queue.Clear();
        finished = true;
    }

    private void CancelActivity(ActivityInstanceState open)
    {
        state.OpenActivities.Remove(open);
        RemoveBookmarks(open.Id, resumed: false);
        Journal(graph.Node(open.ActivityId), open.Id, "Canceled", null);
    }

    private void RemoveBookmarks(string activityInstanceId, bool resumed)
    {
        foreach (var bookmark in state.Bookmarks.Where(b => b.ActivityInstanceId == activityInstanceId).ToList())
        {
            state.Bookmarks.Remove(bookmark);
            Effects.Remove(bookmark, resumed);
        }
    }

    private void Schedule(string activityId, bool backward) => queue.AddLast(new WorkItem(activityId, backward, null, null));

    private bool IsPendingOrRunning(string activityId) =>
        executing == activityId || queue.Any(w => w.ActivityId == activityId && w.ActivityInstanceId is null);

    internal static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>An activity to run: fresh (no activity instance id), resumed from a bookmark, or the trigger that started the instance.</summary>
    private sealed record WorkItem(string ActivityId, bool Backward, string? ActivityInstanceId, JsonNode? ResumeInput)
    {
        /// <summary>The trigger completes as if resumed by the stimulus that started the instance.</summary>
        public bool IsTrigger { get; init; }

        /// <summary>The bookmark this item resumes (null for a fresh run or a trigger).</summary>
        public BookmarkState? Bookmark { get; init; }
    }
}
