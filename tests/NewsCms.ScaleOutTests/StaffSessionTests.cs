using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsCms.ScaleOutTests;

/// <summary>
/// What one replica signs, every replica honours: a staff cookie (ASP.NET data protection, keys in the database) and a
/// preview link (signed with the key shared through the database). Each replica has its own home folder, where
/// ASP.NET would otherwise keep a key ring of its own.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class StaffSessionTests(ScaleOutCluster cluster)
{
    private const string StaffQuery = "{ me { email roles } editorialArticles(first: 1) { nodes { id } } }";

    [Fact(Timeout = 60_000)]
    public Task A_staff_cookie_issued_by_A_is_accepted_by_B_and_C() => cluster.RunAsync(async cancel =>
    {
        var cookie = await SignInAsync(cluster.A, cancel);

        foreach (var replica in new[] { cluster.B, cluster.C })
        {
            var answer = await cluster.Http.PostAsync(replica.GraphQLUrl, StaffQuery, null, new Caller(Cookie: cookie), cancel);
            Assert.True(answer.Succeeded, $"{replica.Name} did not accept the staff cookie A issued (is the data-protection key ring shared?): {answer.Body}");
            var data = answer.Data;
            Assert.Equal(ScaleOutCluster.AdministratorEmail, data.GetProperty("me").GetProperty("email").GetString());
            Assert.Equal(["Administrator"], data.GetProperty("me").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        }

        // Without the cookie the same request is a stranger's: the cookie, not the address, signed it in.
        var anonymous = await cluster.Http.PostAsync(cluster.B.GraphQLUrl, StaffQuery, null, Caller.Anonymous, cancel);
        Assert.Contains(anonymous.ErrorCodes, code => code is "UNAUTHENTICATED" or "FORBIDDEN");
    }, TestContext.Current.CancellationToken);

    [Fact(Timeout = 60_000)]
    public Task A_preview_token_made_by_B_opens_the_draft_on_C_and_A() => cluster.RunAsync(async cancel =>
    {
        var slug = $"preview-{Guid.NewGuid():N}"[..20];
        var (id, _) = await cluster.CreateStoryAsync(cluster.B, slug, "Draft behind a preview link");
        var token = (await cluster.StaffDataAsync(cluster.B.GraphQLUrl, "mutation($id: ID!) { createPreviewToken(articleId: $id) }", new { id }))
            .GetProperty("createPreviewToken").GetString()!;

        foreach (var replica in new[] { cluster.C, cluster.A })
        {
            var preview = (await cluster.DataAsync(replica.GraphQLUrl, "query($token: String!) { articlePreview(token: $token) { slug title } }", new { token }, Caller.Anonymous))
                .GetProperty("articlePreview");
            Assert.Equal(JsonValueKind.Object, preview.ValueKind);
            Assert.Equal((slug, "Draft behind a preview link"), (preview.GetProperty("slug").GetString(), preview.GetProperty("title").GetString()));
        }

        // The draft is still a draft: readers on C do not get it without the link.
        var reader = await cluster.DataAsync(cluster.C.GraphQLUrl, "query($slug: String!) { article(slug: $slug) { slug } }", new { slug }, Caller.Anonymous);
        Assert.Equal(JsonValueKind.Null, reader.GetProperty("article").ValueKind);
    }, TestContext.Current.CancellationToken);

    /// <summary>Signs in as the admin's sign-in page does and returns the Cookie header a browser would send back.</summary>
    private async Task<string> SignInAsync(Replica replica, CancellationToken cancel)
    {
        using var response = await cluster.Http.PostAsJsonAsync(
            new Uri(replica.BaseUrl, "auth/sign-in"), new { email = ScaleOutCluster.AdministratorEmail, password = ScaleOutCluster.AdministratorPassword }, cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Sign-in on {replica.Name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancel)}");
        Assert.True(response.Headers.TryGetValues("Set-Cookie", out var setCookies), $"Sign-in on {replica.Name} set no cookie.");
        var staff = setCookies.Where(c => c.StartsWith("NewsCms.Staff", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(staff);
        // Production marks it Secure: a browser sends it only over https, which nginx or the platform terminates.
        Assert.All(staff, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        return string.Join("; ", staff.Select(c => c.Split(';', 2)[0]));
    }
}
