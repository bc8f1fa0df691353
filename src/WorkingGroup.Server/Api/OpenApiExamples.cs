using System.Text.Json.Nodes;

namespace WorkingGroup.Server.Api;

/// <summary>Examples of request bodies in the OpenAPI document, so that the API reference page shows a body that works.</summary>
internal static class OpenApiExamples
{
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, string json)
    {
        var example = JsonNode.Parse(json);
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var media))
            {
                media.Example = example?.DeepClone();
            }

            return Task.CompletedTask;
        });
    }
}
