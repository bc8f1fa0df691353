using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Domain.Protocols;
using WorkingGroup.Workflows.Activities;

namespace WorkingGroup.Server.Procedures.Activities;

/// <summary>
/// Собрать подписи / Collect the signatures of the protocol: one task per signatory place still unsigned —
/// the co-chair of each side (or the deputy acting for an absent one) and the executive secretary of each side. A
/// signature (<c>ProtocolSignatureAdded</c>) closes its place's task; the fourth (<c>ProtocolSigned</c>) ends with Signed;
/// a return or an edit (<c>ProtocolReturned</c>, <c>ProtocolEdited</c>: the signatures no longer count) cancels the open
/// tasks and ends with Returned.
/// </summary>
[Activity(WorkingGroupActivities.Namespace, WorkingGroupActivities.Category, DisplayName = "Собрать подписи (Collect signatures)", Kind = ActivityKind.Task)]
[FlowNode("Signed", "Returned")]
public sealed class CollectSignatures : Activity
{
    /// <summary>The meeting whose protocol is signed; empty: the instance's correlation id.</summary>
    [Input(Order = 1)]
    public string? MeetingId { get; set; }

    /// <summary>The signing command, shown with each task.</summary>
    [Input(Order = 2)]
    public string? Endpoint { get; set; } = "POST /api/meetings/{meetingId}/protocol/signatures";

    /// <summary>When the signatures are due (optional).</summary>
    [Input(Order = 3)]
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>The payload of the event that ended the collection.</summary>
    [Output]
    public JsonNode? Result { get; set; }

    internal const string AnchorName = "WorkingGroup.CollectSignatures";

    private static readonly string[] Events =
        [ProcedureEvents.ProtocolSignatureAdded, ProcedureEvents.ProtocolSigned, ProcedureEvents.ProtocolReturned, ProcedureEvents.ProtocolEdited];

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var facts = ProcedureFacts.Of(context);
        var meeting = await facts.MeetingAsync(WorkingGroupActivities.MeetingIdOr(MeetingId, context));
        var protocol = await facts.Db.Protocols.FirstOrDefaultAsync(p => p.MeetingId == meeting.Id, context.CancellationToken)
            ?? throw new InvalidOperationException($"Meeting {meeting.Id} has no protocol.");
        var composition = await facts.CompositionAsync();
        var anchor = ActionTasks.Anchor(context, AnchorName);
        var endpoint = Endpoint?.Replace("{meetingId}", meeting.Id.ToString(), StringComparison.Ordinal);
        foreach (var side in new[] { Side.RU, Side.KZ })
        {
            foreach (var role in new[] { SignatoryRole.CoChair, SignatoryRole.Secretary })
            {
                if (protocol.ValidSignatures.Any(s => s.Side == side && s.Role == role))
                {
                    continue;
                }

                string assignee;
                var actingFor = (Guid?)null;
                if (role == SignatoryRole.CoChair)
                {
                    var acting = composition.ActingCoChair(side, context.Now, meeting.AbsentPersonIds)
                        ?? throw new InvalidOperationException($"Side {side} has nobody to sign as co-chair (R-3.3).");
                    assignee = acting.PersonId.ToString();
                    actingFor = acting.ActingFor;
                }
                else
                {
                    assignee = $"{Roles.ExecutiveSecretary}:{side}";
                }

                var payload = new JsonObject
                {
                    ["meetingId"] = meeting.Id.ToString(),
                    ["protocolId"] = protocol.Id.ToString(),
                    ["side"] = side.ToString(),
                    ["role"] = role.ToString(),
                    ["place"] = Place(side.ToString(), role.ToString()),
                    ["actingFor"] = actingFor?.ToString(),
                    ["documentHash"] = protocol.HashToSign,
                };
                if (DueAt is { } due)
                {
                    payload["dueAt"] = Notify.Invariant(due);
                }

                var name = role == SignatoryRole.CoChair
                    ? $"Подписать протокол как сопредседатель ({side}) / Sign the protocol as co-chair ({side})"
                    : $"Подписать протокол как ответственный секретарь ({side}) / Sign the protocol as executive secretary ({side})";
                ActionTasks.Open(context, anchor, name, assignee, endpoint, payload);
            }
        }

        foreach (var name in Events)
        {
            AwaitAction.WaitFor(context, name);
        }

        return ActivityResult.Blocked;
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arrived = context.ResumeInput;
        var name = AwaitAction.ResumedEventName(context);
        var open = await ActionTasks.OpenOfAsync(context);
        if (name == ProcedureEvents.ProtocolSignatureAdded)
        {
            var place = Place((string?)arrived?["side"], (string?)arrived?["role"]);
            foreach (var task in open.Where(t => t.Payload?.Contains($"\"place\":\"{place}\"", StringComparison.Ordinal) == true))
            {
                ActionTasks.Close(task, context, completed: true, arrived);
            }

            AwaitAction.WaitFor(context, ProcedureEvents.ProtocolSignatureAdded);
            return ActivityResult.Blocked;
        }

        var signed = name == ProcedureEvents.ProtocolSigned;
        foreach (var task in open)
        {
            ActionTasks.Close(task, context, completed: signed, arrived);
        }

        Result = arrived?.DeepClone();
        return ActivityResult.Outcome(signed ? "Signed" : "Returned");
    }

    private static string Place(string? side, string? role) => $"{side?.ToUpperInvariant()}:{role}";
}
