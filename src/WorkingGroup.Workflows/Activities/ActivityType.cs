using System.Reflection;

namespace WorkingGroup.Workflows.Activities;

/// <summary>A registered activity class: how to make it, fill its inputs and read its outputs.</summary>
internal sealed record ActivityType(
    Type ClrType,
    ActivityDescriptor Descriptor,
    IReadOnlyList<ActivityInput> Inputs,
    IReadOnlyList<PropertyInfo> Outputs)
{
    public string TypeName => Descriptor.TypeName;

    public Activity Create() => (Activity)Activator.CreateInstance(ClrType)!;
}

/// <summary>An input property and the camelCase JSON name it has on the activity object; a sensitive input's value is not journalled.</summary>
internal sealed record ActivityInput(PropertyInfo Property, string JsonName, bool IsWrapped, bool IsRequired, bool IsSensitive);
