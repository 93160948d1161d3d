using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Core.Staff;

namespace NewsCms.Api.Tests.Staff;

/// <summary>The browser's way in: a cookie from /auth/sign-in that signs GraphQL requests in until sign-out, lockout or a role change.</summary>
public sealed class CookieSignInTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string Password = NewsCmsApiFactory.TestStaffPassword;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Signing_in_sets_an_http_only_secure_strict_cookie_that_signs_graphql_requests_in()
    {
        var email = await CreateStaffAsync(StaffRoles.Editor);
        using var client = api.CreateBrowserClientOrSkip();

        using var response = await client.PostAsJsonAsync("/auth/sign-in", new { email, password = Password }, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("NewsCms.Staff=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        // Production: never sent over plain http.
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        var viewer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal(email, viewer.GetProperty("email").GetString());
        var data = await client.DataAsync("{ me { email roles } apiTokens { id } }");
        Assert.Equal(email, data.GetProperty("me").GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Array, data.GetProperty("apiTokens").ValueKind);
    }

    [Fact]
    public async Task A_form_body_signs_in_too()
    {
        var email = await CreateStaffAsync(StaffRoles.Writer);
        using var client = api.CreateBrowserClientOrSkip();

        using var response = await client.PostAsync("/auth/sign-in", new FormUrlEncodedContent([new("email", email), new("password", Password)]), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(email, (await client.DataAsync("{ me { email } }")).GetProperty("me").GetProperty("email").GetString());
    }

    [Fact]
    public async Task A_wrong_password_gets_401_no_cookie_and_the_same_answer_as_an_unknown_email()
    {
        var email = await CreateStaffAsync(StaffRoles.Editor);
        using var client = api.CreateBrowserClientOrSkip();

        using var wrongPassword = await client.PostAsJsonAsync("/auth/sign-in", new { email, password = "not the password at all" }, Cancel);
        using var unknownEmail = await client.PostAsJsonAsync("/auth/sign-in", new { email = "nobody@newsroom.test", password = Password }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        Assert.False(wrongPassword.Headers.Contains("Set-Cookie"));
        Assert.Equal(await unknownEmail.Content.ReadAsStringAsync(Cancel), await wrongPassword.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(JsonValueKind.Null, (await client.DataAsync("{ me { email } }")).GetProperty("me").ValueKind);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_so_even_the_right_password_is_refused()
    {
        var email = await CreateStaffAsync(StaffRoles.Writer);
        using var client = api.CreateBrowserClientOrSkip();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var failed = await client.PostAsJsonAsync("/auth/sign-in", new { email, password = $"wrong guess number {attempt}" }, Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var response = await client.PostAsJsonAsync("/auth/sign-in", new { email, password = Password }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Signing_out_makes_the_browser_anonymous_again()
    {
        using var client = await SignedInClientAsync(StaffRoles.Editor);

        using var response = await client.PostAsync("/auth/sign-out", null, Cancel);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await client.DataAsync("{ me { email } }")).GetProperty("me").ValueKind);
        Assert.Equal(["UNAUTHENTICATED"], await client.ErrorCodesAsync("mutation { createApiToken(name: \"after sign-out\") { secret } }"));
    }

    [Fact]
    public async Task A_role_change_applies_to_the_next_request_of_a_signed_in_browser()
    {
        var email = await CreateStaffAsync(StaffRoles.Writer);
        using var client = await SignInAsync(email);
        Assert.Equal(["Writer"], Roles(await client.DataAsync("{ me { roles } }")));

        await ChangeAccountAsync(email, async (users, user) =>
        {
            await users.RemoveFromRoleAsync(user, StaffRoles.Writer);
            await users.AddToRoleAsync(user, StaffRoles.Editor);
        });

        Assert.Equal(["Editor"], Roles(await client.DataAsync("{ me { roles } }")));
    }

    [Fact]
    public async Task Locking_an_account_ends_its_cookie_sessions_at_once()
    {
        var email = await CreateStaffAsync(StaffRoles.Editor);
        using var client = await SignInAsync(email);
        Assert.Equal(JsonValueKind.Object, (await client.DataAsync("{ me { email } }")).GetProperty("me").ValueKind);

        await ChangeAccountAsync(email, (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));

        Assert.Equal(JsonValueKind.Null, (await client.DataAsync("{ me { email } }")).GetProperty("me").ValueKind);
        Assert.Equal(["UNAUTHENTICATED"], await client.ErrorCodesAsync("{ apiTokens { id } }"));
    }

    [Fact]
    public async Task A_sign_in_posted_from_another_site_is_refused()
    {
        var email = await CreateStaffAsync(StaffRoles.Editor);
        using var client = api.CreateBrowserClientOrSkip();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/sign-in")
        {
            Content = new FormUrlEncodedContent([new("email", email), new("password", Password)]),
        };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    /// <summary>
    /// The CSRF guard for GraphQL is the transport itself: a cross-site form or no-preflight fetch can only send form
    /// or text bodies, and the endpoint takes JSON, or multipart only with a preflight header, so the cookie never
    /// carries a forged mutation.
    /// </summary>
    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("text/plain")]
    public async Task A_signed_in_browser_cannot_run_a_mutation_sent_as_a_form_or_plain_text(string contentType)
    {
        using var client = await SignedInClientAsync(StaffRoles.Editor);
        var body = """{"query":"mutation { createApiToken(name: \"forged\") { secret } }"}""";
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        using var response = await client.PostAsync("/graphql", content, Cancel);

        // Multipart is how staff upload, so it is read, but only with a header that a cross-site form cannot set.
        Assert.Equal(contentType.StartsWith("multipart/", StringComparison.Ordinal) ? HttpStatusCode.BadRequest : HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var tokens = (await client.DataAsync("{ apiTokens { name } }")).GetProperty("apiTokens").EnumerateArray();
        Assert.DoesNotContain(tokens, t => t.GetProperty("name").GetString() == "forged");
    }

    private static string[] Roles(JsonElement data) =>
        data.GetProperty("me").GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray();

    private async Task<HttpClient> SignedInClientAsync(string role) => await SignInAsync(await CreateStaffAsync(role));

    private async Task<HttpClient> SignInAsync(string email)
    {
        var client = api.CreateBrowserClientOrSkip();
        using var response = await client.PostAsJsonAsync("/auth/sign-in", new { email, password = Password }, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    private async Task<string> CreateStaffAsync(string role)
    {
        api.Database.RequireAvailable();
        var email = $"cookie-{role.ToLowerInvariant()}-{Guid.NewGuid():N}@newsroom.test";
        await api.Services.GetRequiredService<StaffAccounts>().CreateAsync(null, new NewStaffUser(email, Password, role), Cancel);
        return email;
    }

    private async Task ChangeAccountAsync(string email, Func<UserManager<StaffUser>, StaffUser, Task> change)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        await change(users, (await users.FindByEmailAsync(email))!);
    }
}
