namespace WorkingGroup.Server.Api.Materials;

/// <summary>
/// Uploads of meeting materials. Section <c>Materials</c>
/// (env <c>Materials__MaxFileBytes</c>, <c>Materials__AllowedExtensions__0</c>, ...).
/// </summary>
public sealed class MaterialsOptions
{
    public const string SectionName = "Materials";

    /// <summary>The largest file accepted, in bytes (25 MB by default).</summary>
    public long MaxFileBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>The file types accepted, by extension without the dot; anything else is refused with 400.</summary>
    public IReadOnlyList<string> AllowedExtensions { get; set; } =
        ["pdf", "docx", "doc", "xlsx", "xls", "pptx", "odt", "txt", "png", "jpg"];

    /// <summary>The options of <paramref name="configuration"/>, checked: a bad value stops the server at start-up.</summary>
    public static MaterialsOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var options = section.Get<MaterialsOptions>() ?? new MaterialsOptions();
        // A configured list replaces the default one rather than being appended to it.
        if (section.GetSection(nameof(AllowedExtensions)).Get<string[]>() is { Length: > 0 } configured)
        {
            options.AllowedExtensions = configured;
        }

        options.AllowedExtensions = [.. options.AllowedExtensions.Select(e => e.Trim().TrimStart('.').ToLowerInvariant()).Distinct()];
        if (options.MaxFileBytes <= 0 || options.AllowedExtensions.Count == 0)
        {
            throw new InvalidOperationException(
                "Materials: MaxFileBytes must be positive and AllowedExtensions not empty.");
        }

        return options;
    }
}
