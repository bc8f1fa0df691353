using System.Text.Json.Nodes;

namespace WorkingGroup.Workflows.Expressions;

/// <summary>What an expression can read and write: variables, workflow input, ids, earlier outputs.</summary>
internal interface IExpressionScope
{
    IReadOnlyCollection<string> VariableNames { get; }

    JsonNode? GetVariable(string name);

    void SetVariable(string name, JsonNode? value);

    JsonObject Input { get; }

    string InstanceId { get; }

    string? CorrelationId { get; }

    string DefinitionId { get; }

    int DefinitionVersion { get; }

    /// <summary>An output of an activity that already ran, by activity id or name; the first output when no name is given.</summary>
    JsonNode? GetOutput(string activityIdOrName, string? outputName);
}
