using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Workflows.Activities;
using WorkingGroup.Workflows.Definitions;
using WorkingGroup.Workflows.Expressions;

namespace WorkingGroup.Workflows.Runtime;

/// <summary>The activity-facing half of an execution: inputs, outputs, bookmarks, messages, the expression scope.</summary>
internal sealed partial class WorkflowExecution
{
    private const int SummaryTextLimit = 200;

    public IReadOnlyCollection<string> VariableNames => Variables.Names;

    public JsonObject Input => state.Input;

    public JsonObject Output => state.Output;

    public string DefinitionId => definition.DefinitionId;

    public int DefinitionVersion => definition.Version;

    public JsonNode? GetVariable(string name) => Variables.Get(name);

    public void SetVariable(string name, JsonNode? value) => Variables.Set(name, value);

    public JsonNode? GetOutput(string activityIdOrName, string? outputName)
    {
        var activity = graph.Activities.FirstOrDefault(a => a.Id == activityIdOrName)
            ?? graph.Activities.FirstOrDefault(a => a.Name == activityIdOrName);
        if (activity is null || !state.ActivityOutputs.TryGetValue(activity.Id, out var outputs))
        {
            return null;
        }

        return outputName is null
            ? outputs.FirstOrDefault().Value
            : outputs.FirstOrDefault(p => string.Equals(p.Key, outputName, StringComparison.OrdinalIgnoreCase)).Value;
    }

    public async ValueTask<object?> EvaluateAsync(InputExpression expression, Type resultType) =>
        ValueConverter.Convert(await evaluator.EvaluateAsync(expression, this, CancellationToken), resultType);

    public string CreateBookmark(ActivityContext context, BookmarkRequest request)
    {
        var bookmark = new BookmarkState
        {
            Id = NewId(),
            Name = request.Name,
            Hash = BookmarkHash.Compute(request.Name, request.Stimulus),
            Payload = request.Stimulus,
            ActivityId = context.ActivityId,
            ActivityNodeId = context.Node.EffectiveNodeId,
            ActivityInstanceId = context.ActivityInstanceId,
            CreatedAt = Clock.GetUtcNow(),
            ResumeAt = request.ResumeAt,
            TaskId = request.Task?.TaskId,
        };
        state.Bookmarks.Add(bookmark);
        Effects.NewBookmarks.Add(new NewBookmark(bookmark, request.Task));
        return bookmark.Id;
    }

    public void SendMessage(ActivityContext context, string kind, JsonNode payload)
    {
        var id = $"{InstanceId}:{context.ActivityInstanceId}:{Effects.Messages.Count}";
        Effects.Messages.Add(new OutboxMessage(id, kind, payload, Clock.GetUtcNow()));
    }

    public void AddJournalMessage(ActivityContext context, string message)
    {
        if (!journalMessages.TryGetValue(context.ActivityInstanceId, out var lines))
        {
            journalMessages[context.ActivityInstanceId] = lines = [];
        }

        lines.Add(message);
    }

    private async Task<JsonObject> BindInputsAsync(Activity activity, ActivityType type, ActivityNode node)
    {
        var summary = new JsonObject();
        foreach (var input in type.Inputs)
        {
            object? value;
            try
            {
                if (input.IsWrapped)
                {
                    if (node.FindInput(input.JsonName) is not { } expression)
                    {
                        continue;
                    }

                    value = await EvaluateAsync(expression, input.Property.PropertyType);
                }
                else
                {
                    if (node.FindProperty(input.JsonName) is not { } raw)
                    {
                        continue;
                    }

                    value = raw.Deserialize(input.Property.PropertyType, ValueConverter.Options);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw new InvalidOperationException($"Failed to evaluate activity input '{input.Property.Name}': {exception.Message}", exception);
            }

            if (value is not null || !input.Property.PropertyType.IsValueType || Nullable.GetUnderlyingType(input.Property.PropertyType) is not null)
            {
                input.Property.SetValue(activity, value);
            }

            summary[input.Property.Name] = input.IsSensitive ? "***" : Summarize(value);
        }

        return new JsonObject { ["inputs"] = summary };
    }

    /// <summary>Keeps the outputs for later expressions, and writes an output bound to a variable (<c>memoryReference</c>) into it.</summary>
    private JsonObject CaptureOutputs(Activity activity, ActivityType type, ActivityNode node)
    {
        var summary = new JsonObject();
        if (type.Outputs.Count == 0)
        {
            return summary;
        }

        if (!state.ActivityOutputs.TryGetValue(node.Id, out var outputs))
        {
            state.ActivityOutputs[node.Id] = outputs = [];
        }

        foreach (var output in type.Outputs)
        {
            var value = output.GetValue(activity);
            if (value is null)
            {
                continue;
            }

            var json = JsonSerializer.SerializeToNode(value, output.PropertyType, ValueConverter.Options);
            outputs[output.Name] = json;
            summary[output.Name] = Summarize(value);
            var jsonName = JsonNamingPolicy.CamelCase.ConvertName(output.Name);
            if (node.FindProperty(jsonName) is { ValueKind: JsonValueKind.Object } binding &&
                binding.TryGetProperty("memoryReference", out var reference) && reference.ValueKind == JsonValueKind.Object &&
                reference.TryGetProperty("id", out var id) && id.GetString() is { } variableId && Variables.Has(variableId))
            {
                Variables.Set(variableId, json?.DeepClone());
            }
        }

        return summary;
    }

    private void Journal(ActivityNode node, string activityInstanceId, string eventName, JsonObject? payload)
    {
        var message = eventName is "Completed" or "Suspended" && journalMessages.Remove(activityInstanceId, out var lines)
            ? string.Join('\n', lines)
            : null;
        Effects.Journal.Add(new JournalEntry(
            ++state.JournalSequence, node.Id, node.EffectiveNodeId, node.Type, activityInstanceId, eventName,
            Clock.GetUtcNow(), actor, message, payload));
    }

    private static JsonNode? Summarize(object? value)
    {
        var json = value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), ValueConverter.Options);
        var text = json?.ToJsonString();
        return text is { Length: > SummaryTextLimit } ? JsonValue.Create(text[..SummaryTextLimit] + "…") : json;
    }
}

/// <summary>Elsa's stimulus hash: upper-case hex SHA-256 of <c>name|json(stimulus)</c>.</summary>
internal static class BookmarkHash
{
    public static string Compute(string name, JsonObject stimulus) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{name}|{stimulus.ToJsonString()}")));

    /// <summary>The hash an <c>Elsa.Event</c> bookmark waiting for <paramref name="eventName"/> has.</summary>
    public static string ForEvent(string eventName) => Compute("Elsa.Event", new JsonObject { ["EventName"] = eventName });

    /// <summary>The hash an <c>Elsa.RunTask</c> bookmark for <paramref name="taskId"/> has.</summary>
    public static string ForTask(string taskId) => Compute("Elsa.RunTask", new JsonObject { ["TaskId"] = taskId });
}

/// <summary>What every execution of one definition version shares.</summary>
internal sealed record ExecutionSetup(
    WorkflowDefinition Definition,
    FlowGraph Graph,
    ActivityRegistry Registry,
    ExpressionEvaluator Evaluator,
    TimeProvider Clock);

/// <summary>What one step's activities share: a service scope, and the context the step is saved with (none in memory).</summary>
internal sealed record StepScope(IServiceProvider Services, DbContext? Db);
