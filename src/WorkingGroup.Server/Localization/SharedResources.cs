using System.Resources;

[assembly: NeutralResourcesLanguage("ru")]

namespace WorkingGroup.Server.Localization;

/// <summary>
/// The UI's strings: Russian in <c>SharedResources.resx</c> (the neutral language), English in
/// <c>SharedResources.en.resx</c>. Use through <c>IStringLocalizer&lt;SharedResources&gt;</c>.
/// </summary>
public sealed class SharedResources;
