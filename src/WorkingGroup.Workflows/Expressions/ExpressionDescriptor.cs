namespace WorkingGroup.Workflows.Expressions;

/// <summary>An expression kind as Elsa Studio reads it from <c>GET /descriptors/expression-descriptors</c>.</summary>
public sealed record ExpressionDescriptor(string Type, string DisplayName, bool IsSerializable, bool IsBrowsable, IReadOnlyDictionary<string, string> Properties)
{
    /// <summary>The expression kinds the engine evaluates; Literal and Object are picked by the Studio itself, so not browsable.</summary>
    public static IReadOnlyList<ExpressionDescriptor> All { get; } =
    [
        Create("Literal", false),
        Create("Object", false, "json"),
        Create("Json", false, "json"),
        Create("Variable", true),
        Create("Input", true),
        Create("JavaScript", true, "javascript"),
        Create("Liquid", true, "liquid"),
    ];

    private static ExpressionDescriptor Create(string type, bool isBrowsable, string? monacoLanguage = null) =>
        new(type, type, true, isBrowsable, monacoLanguage is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string> { ["MonacoLanguage"] = monacoLanguage });
}
