namespace WorkingGroup.Workflows.Expressions;

/// <summary>Sandbox limits for scripts and templates in definitions.</summary>
public sealed record ExpressionOptions
{
    /// <summary>Wall-clock time one JavaScript evaluation may take.</summary>
    public TimeSpan ScriptTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Bytes one JavaScript evaluation may allocate.</summary>
    public long ScriptMemoryLimit { get; init; } = 16 * 1024 * 1024;

    /// <summary>Call depth one JavaScript evaluation may reach.</summary>
    public int ScriptRecursionLimit { get; init; } = 64;

    /// <summary>Statements one JavaScript evaluation may execute.</summary>
    public int ScriptStatementLimit { get; init; } = 1_000_000;

    /// <summary>Steps one Liquid template may take.</summary>
    public int TemplateStepLimit { get; init; } = 100_000;
}
