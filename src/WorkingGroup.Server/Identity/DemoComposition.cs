namespace WorkingGroup.Server.Identity;

/// <summary>
/// The demo composition seeded on the first start of a non-production server: both sides with a
/// co-chair, a deputy, an executive secretary and six members each, an administrator and two guests.
/// Every demo account signs in with <see cref="Password"/>; the list is in README.md.
/// </summary>
internal static class DemoComposition
{
    public const string Password = "WorkingGroup-2026";

    public sealed record Person(string Email, string DisplayName, Side? Side, string Role)
    {
        /// <summary>The place in the composition; null for the administrator and the guests .</summary>
        public MemberRole? Position =>
            Roles.Composition.Contains(Role) ? Enum.GetValues<MemberRole>().Single(r => Roles.Of(r) == Role) : null;
    }

    public static IReadOnlyList<Person> People { get; } =
    [
        new("admin@example.org", "Администратор системы", null, Roles.Administrator),

        new("ru.cochair@example.org", "Морозов Андрей Викторович", Side.RU, Roles.CoChair),
        new("ru.deputy@example.org", "Белова Ольга Сергеевна", Side.RU, Roles.DeputyCoChair),
        new("ru.secretary@example.org", "Кузнецов Дмитрий Павлович", Side.RU, Roles.ExecutiveSecretary),
        new("ru.member1@example.org", "Смирнова Елена Игоревна", Side.RU, Roles.Member),
        new("ru.member2@example.org", "Волков Сергей Николаевич", Side.RU, Roles.Member),
        new("ru.member3@example.org", "Орлова Наталья Андреевна", Side.RU, Roles.Member),
        new("ru.member4@example.org", "Лебедев Алексей Юрьевич", Side.RU, Roles.Member),
        new("ru.member5@example.org", "Соколова Мария Викторовна", Side.RU, Roles.Member),
        new("ru.member6@example.org", "Павлов Игорь Олегович", Side.RU, Roles.Member),

        new("kz.cochair@example.org", "Нурланов Ерлан Серикович", Side.KZ, Roles.CoChair),
        new("kz.deputy@example.org", "Жумабаева Айгуль Маратовна", Side.KZ, Roles.DeputyCoChair),
        new("kz.secretary@example.org", "Сапаров Данияр Ержанович", Side.KZ, Roles.ExecutiveSecretary),
        new("kz.member1@example.org", "Ахметова Динара Болатовна", Side.KZ, Roles.Member),
        new("kz.member2@example.org", "Касымов Тимур Асланович", Side.KZ, Roles.Member),
        new("kz.member3@example.org", "Омарова Гульнар Кайратовна", Side.KZ, Roles.Member),
        new("kz.member4@example.org", "Ибраев Нурлан Бахытович", Side.KZ, Roles.Member),
        new("kz.member5@example.org", "Токтарова Асель Жанатовна", Side.KZ, Roles.Member),
        new("kz.member6@example.org", "Бекенов Арман Муратович", Side.KZ, Roles.Member),

        new("expert@example.org", "Григорьев Павел Андреевич", null, Roles.Expert),
        new("observer@example.org", "Аскарова Мадина Ерболовна", Side.KZ, Roles.Observer),
    ];
}
