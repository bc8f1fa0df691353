using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Json;

namespace WorkingGroup.Workflows.Expressions;

/// <summary>
/// JavaScript expressions on Jint, sandboxed: no CLR access, and limits on time, memory, recursion and
/// statements. A script that breaks a limit throws, which faults the activity that evaluated it.
/// The scope offers Elsa's functions (<c>getVariable</c>, <c>setVariable</c>, <c>get{Variable}()</c>,
/// <c>getInput</c>, <c>getCorrelationId</c>, ...) and a <c>variables</c> object.
/// </summary>
internal sealed class JavaScriptEvaluator(ExpressionOptions options)
{
    public JsonNode? Evaluate(string script, IExpressionScope scope, CancellationToken cancellationToken)
    {
        using var engine = new Engine(o => o
            .TimeoutInterval(options.ScriptTimeout)
            .LimitMemory(options.ScriptMemoryLimit)
            .LimitRecursion(options.ScriptRecursionLimit)
            .MaxStatements(options.ScriptStatementLimit)
            .CancellationToken(cancellationToken));
        var before = Configure(engine, scope);
        var result = FromJs(engine, engine.Evaluate(script));
        WriteBackVariables(engine, scope, before);
        return result;
    }

    /// <summary>The syntax error of a script, or null when it parses.</summary>
    public static string? Check(string script)
    {
        try
        {
            Engine.PrepareScript(script);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"JavaScript does not parse: {e.Message}";
        }
    }

    private static Dictionary<string, string?> Configure(Engine engine, IExpressionScope scope)
    {
        engine.SetValue("getVariable", new Func<JsValue?, JsValue>(name => ToJs(engine, scope.GetVariable(Text(name) ?? string.Empty))));
        engine.SetValue("setVariable", new Action<JsValue?, JsValue?>((name, value) => scope.SetVariable(Text(name) ?? string.Empty, FromJs(engine, value))));
        engine.SetValue("getInput", new Func<JsValue?, JsValue>(name => ToJs(engine, Find(scope.Input, Text(name) ?? string.Empty))));
        engine.SetValue("getOutputFrom", new Func<JsValue?, JsValue?, JsValue>((activity, output) =>
            ToJs(engine, scope.GetOutput(Text(activity) ?? string.Empty, Text(output)))));
        engine.SetValue("getWorkflowInstanceId", new Func<string>(() => scope.InstanceId));
        engine.SetValue("getCorrelationId", new Func<JsValue>(() => scope.CorrelationId is { } id ? new JsString(id) : JsValue.Null));
        engine.SetValue("getWorkflowDefinitionId", new Func<string>(() => scope.DefinitionId));
        engine.SetValue("getWorkflowDefinitionVersion", new Func<int>(() => scope.DefinitionVersion));
        engine.SetValue("isNullOrWhiteSpace", new Func<JsValue?, bool>(v => string.IsNullOrWhiteSpace(Text(v))));
        engine.SetValue("isNullOrEmpty", new Func<JsValue?, bool>(v => string.IsNullOrEmpty(Text(v))));
        engine.SetValue("toJson", new Func<JsValue?, string>(v => FromJs(engine, v)?.ToJsonString() ?? "null"));
        engine.SetValue("newGuidString", new Func<string>(() => Guid.NewGuid().ToString()));

        var variables = new JsonObject();
        foreach (var name in scope.VariableNames.Where(IsIdentifier))
        {
            var pascal = char.ToUpperInvariant(name[0]) + name[1..];
            engine.SetValue($"get{pascal}", new Func<JsValue>(() => ToJs(engine, scope.GetVariable(name))));
            engine.SetValue($"set{pascal}", new Action<JsValue?>(value => scope.SetVariable(name, FromJs(engine, value))));
            variables[name] = scope.GetVariable(name)?.DeepClone();
        }

        foreach (var (name, value) in scope.Input)
        {
            if (IsIdentifier(name))
            {
                var pascal = char.ToUpperInvariant(name[0]) + name[1..];
                engine.SetValue($"get{pascal}", new Func<JsValue>(() => ToJs(engine, value)));
            }
        }

        engine.SetValue("variables", ToJs(engine, variables));
        return variables.ToDictionary(v => v.Key, v => v.Value?.ToJsonString());
    }

    /// <summary>Assignments to <c>variables.X</c> become variable updates.</summary>
    private static void WriteBackVariables(Engine engine, IExpressionScope scope, Dictionary<string, string?> before)
    {
        if (FromJs(engine, engine.GetValue("variables")) is not JsonObject after)
        {
            return;
        }

        foreach (var (name, value) in after)
        {
            if (before.TryGetValue(name, out var old) && old != value?.ToJsonString())
            {
                scope.SetVariable(name, value?.DeepClone());
            }
        }
    }

    private static JsonNode? Find(JsonObject input, string name) =>
        input.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static JsValue ToJs(Engine engine, JsonNode? value) =>
        value is null ? JsValue.Null : new JsonParser(engine).Parse(value.ToJsonString());

    /// <summary>An argument as text; null when it was left out (Jint passes missing arguments as null or undefined).</summary>
    private static string? Text(JsValue? value) => value is null || value.IsUndefined() || value.IsNull() ? null : value.ToString();

    private static JsonNode? FromJs(Engine engine, JsValue? value)
    {
        if (value is null || value.IsUndefined() || value.IsNull())
        {
            return null;
        }

        var json = new JsonSerializer(engine).Serialize(value);
        return json.IsUndefined() ? null : JsonNode.Parse(json.ToString());
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');
}
