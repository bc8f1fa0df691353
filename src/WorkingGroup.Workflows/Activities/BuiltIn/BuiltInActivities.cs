namespace WorkingGroup.Workflows.Activities;

/// <summary>The activities every engine has, under Elsa's type names.</summary>
internal static class BuiltInActivities
{
    public const string Namespace = "Elsa";

    public static IReadOnlyList<Type> Types { get; } =
    [
        typeof(BuiltIn.Flowchart), typeof(BuiltIn.Start), typeof(BuiltIn.End), typeof(BuiltIn.Finish),
        typeof(BuiltIn.FlowDecision), typeof(BuiltIn.FlowSwitch), typeof(BuiltIn.FlowFork), typeof(BuiltIn.FlowJoin),
        typeof(BuiltIn.SetVariable), typeof(BuiltIn.WriteLine), typeof(BuiltIn.Delay), typeof(BuiltIn.Timer),
        typeof(BuiltIn.StartAt), typeof(BuiltIn.Event), typeof(BuiltIn.RunTask), typeof(BuiltIn.SendEmail),
        typeof(BuiltIn.Fault), typeof(BuiltIn.SetOutput),
    ];
}
