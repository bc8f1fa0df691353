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
        await Assertions.Expect(page.GetByTestId("language")).ToHaveTextAsync("Русский");
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

/// <summary>A person who forgot the password resets it from the e-mail link.</summary>
public sealed partial class PasswordResetPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_member_resets_a_forgotten_password_through_the_emailed_link()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByTestId("forgot-password").ClickAsync();
        await Assertions.Expect(page.GetByTestId("send-reset")).ToBeVisibleAsync(); // links navigate without a page load
        await page.GetByTestId("email").FillAsync("kz.member5@example.org");
        await page.GetByTestId("send-reset").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reset-sent")).ToBeVisibleAsync();

        var link = await ResetLinkAsync("kz.member5@example.org");
        await page.GotoAsync(link);
        await page.GetByTestId("new-password").FillAsync("Another-Password-9");
        await page.GetByTestId("reset").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reset-done")).ToBeVisibleAsync();
        await page.GetByTestId("back-to-sign-in").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sign-in")).ToBeVisibleAsync();
        await page.GetByTestId("email").FillAsync("kz.member5@example.org");
        await page.GetByTestId("password").FillAsync("Another-Password-9");
        await page.GetByTestId("sign-in").ClickAsync();

        await Assertions.Expect(page.GetByTestId("welcome")).ToHaveTextAsync("Здравствуйте, Токтарова Асель Жанатовна");
    }

    private async Task<string> ResetLinkAsync(string to)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.Exists(app.MailFolder) ? Directory.GetFiles(app.MailFolder, "*.eml") : [])
            {
                var message = await MimeKit.MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == to) && ResetLink().Match(message.TextBody ?? "") is { Success: true } match)
                {
                    return match.Value;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No reset e-mail to {to} in {app.MailFolder}.");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"http://\S+/account/reset-password\?\S+")]
    private static partial System.Text.RegularExpressions.Regex ResetLink();
}
