using WorkingGroup.Workflows.Activities.BuiltIn;
using WorkingGroup.Workflows.Definitions;

namespace WorkingGroup.Workflows.Runtime;

/// <summary>
/// Elsa's counter-based flowchart scheduling (the default since 3.5): visit counters per activity and per
/// connection decide when a target runs, is skipped (dead path), or waits; loops are backward connections.
/// </summary>
internal sealed partial class WorkflowExecution
{
    /// <summary>Propagates the completion of an activity with the given outcomes (none = skipped or cancelled).</summary>
    private async ValueTask CompleteInFlowAsync(string activityId, IReadOnlyCollection<string> outcomes, bool viaBackward)
    {
        if (!viaBackward)
        {
            Increment(state.ActivityVisits, activityId);
        }

        foreach (var connection in graph.Outbound(activityId))
        {
            var key = connection.ToString();
            Increment(state.ConnectionVisits, key);
            var followed = outcomes.Contains(connection.Source.Port ?? string.Empty);
            state.ConnectionFollowed[key] = followed;
            var target = connection.Target.Activity;
            if (!graph.IsForward(connection))
            {
                if (followed)
                {
                    if (!graph.Dominates(target, activityId))
                    {
                        throw new InvalidOperationException(
                            $"Invalid backward connection from '{activityId}' to '{target}': not every path to '{activityId}' passes through '{target}'.");
                    }

                    Schedule(target, backward: true);
                }

                continue;
            }

            await ArriveAsync(graph.Node(target));
        }
    }

    private async ValueTask ArriveAsync(ActivityNode target)
    {
        var mode = target.Type == "Elsa.FlowJoin" ? await JoinModeAsync(target) : FlowJoinMode.WaitAllActive;
        var visits = state.ActivityVisits.GetValueOrDefault(target.Id);
        var inbound = graph.ForwardInbound(target.Id);
        var counts = inbound.Select(c => (Count: state.ConnectionVisits.GetValueOrDefault(c.ToString()), Followed: state.ConnectionFollowed.GetValueOrDefault(c.ToString()))).ToList();
        var allVisited = counts.All(c => c.Count > visits);
        var max = counts.Count == 0 ? 0 : counts.Max(c => c.Count);
        var anyFollowed = max > visits && counts.Any(c => c.Count == max && c.Followed);
        var allFollowed = max > visits && counts.All(c => c.Count == max && c.Followed);
        if (IsPendingOrRunning(target.Id))
        {
            return;
        }

        switch (mode)
        {
            case FlowJoinMode.WaitAny when counts.Any(c => c.Count > visits && c.Followed):
                Schedule(target.Id, backward: false);
                await CancelAncestorsAsync(target.Id);
                break;
            case FlowJoinMode.WaitAny when allVisited:
                await CompleteInFlowAsync(target.Id, [], viaBackward: false);
                break;
            case FlowJoinMode.WaitAll when allVisited:
            case FlowJoinMode.WaitAllActive when allVisited:
                if (mode == FlowJoinMode.WaitAll ? allFollowed : anyFollowed)
                {
                    Schedule(target.Id, backward: false);
                }
                else
                {
                    await CompleteInFlowAsync(target.Id, [], viaBackward: false);
                }

                break;
        }
    }

    /// <summary>Cancels the open activities upstream of a join and lets their paths arrive as not taken.</summary>
    private async ValueTask CancelAncestorsAsync(string activityId)
    {
        var ancestors = graph.ForwardAncestors(activityId);
        foreach (var open in state.OpenActivities.Where(a => ancestors.Contains(a.ActivityId)).ToList())
        {
            CancelActivity(open);
            await CompleteInFlowAsync(open.ActivityId, [], open.ViaBackward);
        }
    }

    private async ValueTask<FlowJoinMode> JoinModeAsync(ActivityNode join) =>
        join.FindInput("mode") is { } mode && await EvaluateAsync(mode, typeof(FlowJoinMode?)) is FlowJoinMode value
            ? value
            : FlowJoinMode.WaitAny;

    private static void Increment(Dictionary<string, int> counters, string key) =>
        counters[key] = counters.GetValueOrDefault(key) + 1;
}
