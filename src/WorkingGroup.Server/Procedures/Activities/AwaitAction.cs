using System.Text.Json;
using System.Text.Json.Nodes;
using WorkingGroup.Workflows.Activities;

namespace WorkingGroup.Server.Procedures.Activities;

/// <summary>
/// Ждать действия участника / Await a person's action: puts a task (a to-do in <c>GET /api/tasks</c>) before the assignee
/// and waits for the procedure event the action's REST command raises for this instance's correlation id; the task
/// closes when the event arrives. With several events, each is an outcome (e.g. <c>MaterialAccepted</c> → Accepted,
/// <c>MaterialReturned</c> → Returned). The task cannot be completed through the tasks API: the command is the action.
/// </summary>
[Activity(WorkingGroupActivities.Namespace, WorkingGroupActivities.Category, DisplayName = "Ждать действия участника (Await action)", Kind = ActivityKind.Task)]
[FlowNode("Done")]
public sealed class AwaitAction : Activity
{
    /// <summary>What is to be done, shown in the to-do list (Russian first, e.g. «Утвердить повестку / Approve the agenda»).</summary>
    [Input(IsRequired = true, Order = 1)]
    public string? TaskName { get; set; }

    /// <summary>
    /// Who is to do it: a role of a side (<c>ExecutiveSecretary:RU</c>), a role (<c>CoChair</c>: anyone holding it), a person's id, or
    /// <c>ActingCoChair:RU</c> (the co-chair of the side, or the deputy acting for an absent one, R-3.3, when the task is created).
    /// </summary>
    [Input(IsRequired = true, Order = 2)]
    public string? Assignee { get; set; }

    /// <summary>The events that end the wait (names from ProcedureEvents), e.g. <c>["MaterialAccepted", "MaterialReturned"]</c>.</summary>
    [Input(IsRequired = true, Order = 3, DefaultSyntax = "Object")]
    public ICollection<string>? EventNames { get; set; }

    /// <summary>The outcome (port) of each event, in the same order (<c>["Accepted", "Returned"]</c>); empty: <c>Done</c> for one event, else the events' names.</summary>
    [Input(Order = 4, UIHint = "dynamic-outcomes", DefaultSyntax = "Object")]
    public ICollection<string>? Outcomes { get; set; }

    /// <summary>The REST command that does the action (the form), e.g. <c>POST /api/meetings/{id}/agenda/approve</c>; shown with the task.</summary>
    [Input(Order = 5)]
    public string? Endpoint { get; set; }

    /// <summary>When the action is due (optional); shown with the task.</summary>
    [Input(Order = 6)]
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>
    /// Payload properties an event must carry to count, per event name, as a JSON object (e.g.
    /// <c>{"AgendaApproved": {"approvedByBoth": true}}</c>); an event without them leaves the task open and the activity waiting.
    /// Events not named here always count.
    /// </summary>
    [Input(Order = 7, DefaultSyntax = "Object")]
    public JsonNode? Match { get; set; }

    /// <summary>Extra data the person needs, as a JSON object (ids, titles).</summary>
    [Input(Order = 8, DefaultSyntax = "Object")]
    public JsonNode? Payload { get; set; }

    /// <summary>The payload of the event that ended the wait.</summary>
    [Output]
    public JsonNode? Result { get; set; }

    /// <summary>The name of the event that ended the wait.</summary>
    [Output]
    public string? EventName { get; set; }

    /// <summary>The id of the task created.</summary>
    [Output]
    public string? TaskId { get; set; }

    internal const string AnchorName = "WorkingGroup.AwaitAction";

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var events = Events();
        if (string.IsNullOrWhiteSpace(Assignee))
        {
            throw new InvalidOperationException("AwaitAction needs an assignee.");
        }

        var assignee = Assignee.Trim();
        if (assignee.StartsWith("ActingCoChair", StringComparison.Ordinal))
        {
            var acting = await ProcedureFacts.Of(context).PeopleAsync(assignee, null);
            assignee = acting.Count == 1 ? acting[0].ToString() : throw new InvalidOperationException($"Nobody holds the co-chair's powers for '{assignee}' (R-3.3).");
        }

        var anchor = ActionTasks.Anchor(context, AnchorName);
        foreach (var name in events)
        {
            WaitFor(context, name);
        }

        var payload = Payload as JsonObject is { } given ? (JsonObject)given.DeepClone() : [];
        payload["events"] = new JsonArray([.. events.Select(e => (JsonNode)JsonValue.Create(e))]);
        payload["correlationId"] = context.CorrelationId;
        if (DueAt is { } due)
        {
            payload["dueAt"] = due.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        TaskId = ActionTasks.Open(context, anchor, TaskName ?? string.Empty, assignee, Endpoint, payload).Id;
        return ActivityResult.Blocked;
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var events = Events();
        var arrived = context.ResumeInput;
        var name = WhichEvent(context, events);
        if (!Matches(name, arrived))
        {
            // Not yet (e.g. only one co-chair approved): wait for the next one; the task stays open.
            WaitFor(context, name);
            context.Log($"{name}: the payload does not match {Match?[name]?.ToJsonString()}; still waiting.");
            return ActivityResult.Blocked;
        }

        foreach (var task in await ActionTasks.OpenOfAsync(context))
        {
            TaskId = task.Id;
            ActionTasks.Close(task, context, completed: true, arrived);
        }

        Result = arrived?.DeepClone();
        EventName = name;
        var outcomes = OutcomeNames(events);
        return ActivityResult.Outcome(outcomes[events.IndexOf(name)]);
    }

    private List<string> Events()
    {
        var events = Split(EventNames);
        return events.Count > 0 ? events : throw new InvalidOperationException("AwaitAction needs at least one event name.");
    }

    private List<string> OutcomeNames(List<string> events)
    {
        var outcomes = Split(Outcomes);
        if (outcomes.Count == 0)
        {
            return events.Count == 1 ? ["Done"] : events;
        }

        return outcomes.Count == events.Count
            ? outcomes
            : throw new InvalidOperationException($"AwaitAction has {events.Count} events but {outcomes.Count} outcomes.");
    }

    /// <summary>The event that resumed us, from the stimulus of the bookmark resumed.</summary>
    private static string WhichEvent(ActivityContext context, List<string> events) =>
        ResumedEventName(context) is { } name && events.Contains(name) ? name : events[0];

    internal static string? ResumedEventName(ActivityContext context) =>
        context.ResumedBookmark is { Name: "Elsa.Event" } bookmark ? (string?)bookmark.Payload["EventName"] : null;

    private bool Matches(string eventName, JsonNode? payload)
    {
        if (Match is not JsonObject all || all[eventName] is not JsonObject match || match.Count == 0)
        {
            return true;
        }

        return payload is JsonObject arrived && match.All(p => arrived.TryGetPropertyValue(p.Key, out var value) && JsonNode.DeepEquals(Normalise(value), Normalise(p.Value)));
    }

    private static JsonNode? Normalise(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && bool.TryParse(value.GetValue<string>(), out var flag) ? JsonValue.Create(flag) : node;

    internal static void WaitFor(ActivityContext context, string eventName) =>
        context.CreateBookmark(new BookmarkRequest("Elsa.Event", new JsonObject { ["EventName"] = eventName }));

    /// <summary>The names given, also when written as one comma-separated text.</summary>
    internal static List<string> Split(IEnumerable<string>? list) =>
        [.. (list ?? []).SelectMany(item => (item ?? string.Empty).Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
