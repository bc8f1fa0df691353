using WorkingGroup.Workflows.Definitions;

namespace WorkingGroup.Workflows.Runtime;

/// <summary>
/// The analysed graph of a flowchart: its start, and its connections split into forward ones and
/// backward (loop) ones the way Elsa does: a breadth-first walk from the start keeps an edge unless
/// its target can already reach its source.
/// </summary>
internal sealed class FlowGraph
{
    private readonly Dictionary<string, ActivityNode> nodes;
    private readonly Dictionary<string, List<Connection>> outbound = [];
    private readonly Dictionary<string, List<Connection>> forwardInbound = [];
    private readonly HashSet<string> forward = [];
    private readonly Dictionary<string, HashSet<string>> ancestors = [];

    /// <param name="flowchart">The flowchart to analyse.</param>
    /// <param name="triggerActivityId">The trigger that started the instance; it is the start when given (Elsa's first rule).</param>
    public FlowGraph(ActivityNode flowchart, string? triggerActivityId = null)
    {
        Activities = flowchart.Activities ?? [];
        nodes = Activities.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var connection in (flowchart.Connections ?? []).DistinctBy(c => c.ToString()))
        {
            if (nodes.ContainsKey(connection.Source.Activity) && nodes.ContainsKey(connection.Target.Activity))
            {
                OutboundList(connection.Source.Activity).Add(connection);
            }
        }

        Start = triggerActivityId is not null && nodes.TryGetValue(triggerActivityId, out var trigger) ? trigger : FindStart(flowchart);
        if (Start is not null)
        {
            ClassifyEdges(Start.Id);
        }
    }

    public IReadOnlyList<ActivityNode> Activities { get; }

    public ActivityNode? Start { get; }

    public ActivityNode Node(string activityId) => nodes[activityId];

    public bool Contains(string activityId) => nodes.ContainsKey(activityId);

    public IReadOnlyList<Connection> Outbound(string activityId) => outbound.GetValueOrDefault(activityId) ?? [];

    public IReadOnlyList<Connection> ForwardInbound(string activityId) => forwardInbound.GetValueOrDefault(activityId) ?? [];

    public bool IsForward(Connection connection) => forward.Contains(connection.ToString());

    /// <summary>Activities reachable from the start; the others never run.</summary>
    public bool IsReachable(string activityId) => Start is not null && (activityId == Start.Id || ForwardInbound(activityId).Count > 0);

    /// <summary>Every activity with a forward path to this one.</summary>
    public IReadOnlySet<string> ForwardAncestors(string activityId)
    {
        if (!ancestors.TryGetValue(activityId, out var result))
        {
            result = [];
            var stack = new Stack<string>([activityId]);
            while (stack.TryPop(out var current))
            {
                foreach (var connection in ForwardInbound(current))
                {
                    if (result.Add(connection.Source.Activity))
                    {
                        stack.Push(connection.Source.Activity);
                    }
                }
            }

            ancestors[activityId] = result;
        }

        return result;
    }

    /// <summary>True when every forward path from the start to <paramref name="activityId"/> passes through <paramref name="gate"/>.</summary>
    public bool Dominates(string gate, string activityId)
    {
        if (Start is null || gate == Start.Id || gate == activityId)
        {
            return true;
        }

        var seen = new HashSet<string> { Start.Id };
        var stack = new Stack<string>([Start.Id]);
        while (stack.TryPop(out var current))
        {
            if (current == activityId)
            {
                return false;
            }

            foreach (var connection in Outbound(current).Where(IsForward))
            {
                var next = connection.Target.Activity;
                if (next != gate && seen.Add(next))
                {
                    stack.Push(next);
                }
            }
        }

        return true;
    }

    private List<Connection> OutboundList(string activityId)
    {
        if (!outbound.TryGetValue(activityId, out var list))
        {
            outbound[activityId] = list = [];
        }

        return list;
    }

    private ActivityNode? FindStart(ActivityNode flowchart)
    {
        var inbound = outbound.Values.SelectMany(c => c).Select(c => c.Target.Activity).ToHashSet();
        var explicitStart = flowchart.FindProperty("start") is { ValueKind: System.Text.Json.JsonValueKind.String } start
            ? nodes.GetValueOrDefault(start.GetString()!)
            : null;
        return explicitStart
            ?? Activities.FirstOrDefault(a => a.Type == "Elsa.Start")
            ?? Activities.FirstOrDefault(a => a.HasFlag("canStartWorkflow"))
            ?? Activities.FirstOrDefault(a => !inbound.Contains(a.Id))
            ?? Activities.FirstOrDefault();
    }

    private void ClassifyEdges(string startId)
    {
        var kept = new Dictionary<string, List<string>>();
        var visited = new HashSet<string> { startId };
        var queue = new Queue<string>([startId]);
        while (queue.TryDequeue(out var source))
        {
            foreach (var connection in Outbound(source))
            {
                var target = connection.Target.Activity;
                if (Reaches(kept, target, source))
                {
                    continue;
                }

                forward.Add(connection.ToString());
                (kept.TryGetValue(source, out var list) ? list : kept[source] = []).Add(target);
                (forwardInbound.TryGetValue(target, out var inbound) ? inbound : forwardInbound[target] = []).Add(connection);
                if (visited.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }
    }

    private static bool Reaches(Dictionary<string, List<string>> edges, string from, string to)
    {
        var seen = new HashSet<string> { from };
        var stack = new Stack<string>([from]);
        while (stack.TryPop(out var current))
        {
            if (current == to)
            {
                return true;
            }

            foreach (var next in edges.GetValueOrDefault(current) ?? [])
            {
                if (seen.Add(next))
                {
                    stack.Push(next);
                }
            }
        }

        return false;
    }
}
