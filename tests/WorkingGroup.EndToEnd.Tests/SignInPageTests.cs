using Microsoft.Playwright;

namespace WorkingGroup.EndToEnd.Tests;

/// <summary>A person signs in through the web UI in a real browser.</summary>
public sealed class SignInPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("sign-in").ClickAsync();
    }

    [Fact]
    public async Task A_co_chair_signs_in_and_sees_name_side_and_role_in_Russian()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await SignInAsync(page, "kz.cochair@example.org", "WorkingGroup-2026");

        await Assertions.Expect(page.GetByTestId("welcome")).ToHaveTextAsync("Здравствуйте, Нурланов Ерлан Серикович");
        await Assertions.Expect(page.GetByTestId("side")).ToContainTextAsync("Республика Казахстан");
        await Assertions.Expect(page.GetByTestId("roles")).ToContainTextAsync("Сопредседатель");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "signed-in.png", FullPage = true });
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_person_on_the_sign_in_page_with_an_error()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/account/login");
        await SignInAsync(page, "ru.member1@example.org", "wrong-password");

        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("Неверный адрес электронной почты или пароль.");
        await Assertions.Expect(page.GetByTestId("welcome")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_interface_switches_to_English_and_stays_there()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.GetByTestId("language").ClickAsync();
        await SignInAsync(page, "ru.secretary@example.org", "WorkingGroup-2026");

        await Assertions.Expect(page.GetByTestId("welcome")).ToHaveTextAsync("Welcome, Кузнецов Дмитрий Павлович");
        await Assertions.Expect(page.GetByTestId("roles")).ToContainTextAsync("Executive secretary");
    }

    [Fact]
    public async Task Signing_out_returns_to_the_sign_in_page_and_protects_the_home_page_again()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await SignInAsync(page, "ru.member2@example.org", "WorkingGroup-2026");
        await Assertions.Expect(page.GetByTestId("welcome")).ToBeVisibleAsync();

        await page.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.GotoAsync("/");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }
}
