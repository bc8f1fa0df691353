namespace WorkingGroup.Workflows.Activities;

/// <summary>The activity types the engine can run and the designer can show.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityType> types = new(StringComparer.Ordinal);

    /// <summary>A registry with the built-in Elsa activities.</summary>
    public ActivityRegistry()
    {
        foreach (var type in BuiltInActivities.Types)
        {
            Register(type);
        }
    }

    /// <summary>The descriptors of every registered activity, in Elsa's shape, ordered by type name.</summary>
    public IReadOnlyList<ActivityDescriptor> Descriptors =>
        types.Values.Select(t => t.Descriptor).OrderBy(d => d.TypeName, StringComparer.Ordinal).ToList();

    /// <summary>Registers an activity class; a later registration of the same type name replaces the earlier one.</summary>
    public ActivityRegistry Register<TActivity>()
        where TActivity : Activity, new() => Register(typeof(TActivity));

    /// <summary>Registers an activity class by its type.</summary>
    public ActivityRegistry Register(Type activityClass)
    {
        var type = ActivityDescriber.Describe(activityClass);
        types[type.TypeName] = type;
        return this;
    }

    /// <summary>The descriptor of a type name, or null when it is unknown.</summary>
    public ActivityDescriptor? FindDescriptor(string typeName) => Find(typeName)?.Descriptor;

    internal ActivityType? Find(string typeName) => types.GetValueOrDefault(typeName);
}
