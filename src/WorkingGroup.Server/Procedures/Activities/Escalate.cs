using System.Text.Json.Nodes;
using WorkingGroup.Workflows.Activities;

namespace WorkingGroup.Server.Procedures.Activities;

/// <summary>
/// Эскалировать / Escalate: tells the acting co-chair of a side (the co-chair, or the deputy acting for an absent one,
/// ) that an item is overdue, in the app and by e-mail, and records the escalation in the instance's journal.
/// </summary>
[Activity(WorkingGroupActivities.Namespace, WorkingGroupActivities.Category, DisplayName = "Эскалировать (Escalate)")]
public sealed class Escalate : Activity
{
    /// <summary>The side whose co-chair is told: <c>RU</c> or <c>KZ</c>.</summary>
    [Input(IsRequired = true, Order = 1)]
    public string? Side { get; set; }

    /// <summary>What is overdue, e.g. «Поручение: подготовить справку / Assignment: prepare a note».</summary>
    [Input(IsRequired = true, Order = 2)]
    public string? Item { get; set; }

    /// <summary>Since when it is overdue (its due date).</summary>
    [Input(Order = 3)]
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>The meeting the item belongs to (for the zone and the templates); empty: none.</summary>
    [Input(Order = 4)]
    public string? MeetingId { get; set; }

    /// <summary>Subject in Russian (Liquid; <c>{{ Data.item }}</c>, <c>{{ Deadline }}</c>).</summary>
    [Input(Order = 5)]
    public string? Subject { get; set; } = "Просрочено: {{ Data.item }}";

    /// <summary>Text in Russian (Liquid).</summary>
    [Input(Order = 6, UIHint = "multiline")]
    public string? Body { get; set; } = "Срок истёк {{ Deadline }}: {{ Data.item }}. Эскалация сопредседателю стороны {{ Data.side }}.";

    /// <summary>Subject in English (Liquid).</summary>
    [Input(Order = 7)]
    public string? SubjectEn { get; set; } = "Overdue: {{ Data.item }}";

    /// <summary>Text in English (Liquid).</summary>
    [Input(Order = 8, UIHint = "multiline")]
    public string? BodyEn { get; set; } = "Due {{ Deadline }}: {{ Data.item }}. Escalated to the co-chair of side {{ Data.side }}.";

    /// <summary>Escalate only when true (e.g. an expression over a workflow variable: nothing reported yet).</summary>
    [Input(Order = 9, UIHint = "checkbox")]
    public bool Enabled { get; set; } = true;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Enabled)
        {
            context.Log("Skipped (Enabled is false).");
            return ActivityResult.Done;
        }
        var side = Enum.TryParse<WorkingGroup.Domain.Composition.Side>(Side, ignoreCase: true, out var s)
            ? s
            : throw new InvalidOperationException($"'{Side}' is not a side (RU or KZ).");
        var data = new JsonObject { ["item"] = Item, ["side"] = side.ToString() };
        var count = await Notify.SendAsync(
            context, $"ActingCoChair:{side}", MeetingId ?? string.Empty, (Subject ?? string.Empty, SubjectEn), (Body ?? string.Empty, BodyEn), DueAt, data, null, false);
        context.Log($"Escalated to the co-chair of {side} ({count}): {Item}");
        return ActivityResult.Done;
    }
}
