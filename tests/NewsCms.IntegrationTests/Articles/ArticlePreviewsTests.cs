using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsCms.Core.Articles;
using NewsCms.Core.Common;
using NewsCms.Core.Data;
using NewsCms.Core.Staff;
using NewsCms.Testing;
using NewsCms.Testing.Databases;

namespace NewsCms.IntegrationTests.Articles;

/// <summary>Preview links: signed, short-lived, revocable, shared by every server on the database, and no way past an embargo.</summary>
public abstract class ArticlePreviewsTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly StaffActor Editor = new(9001, "editor@newsroom.test", new HashSet<string> { StaffRoles.Editor });
    private static readonly StaffActor Writer = new(9002, "writer@newsroom.test", new HashSet<string> { StaffRoles.Writer });
    private static readonly StaffActor OtherWriter = new(9003, "other-writer@newsroom.test", new HashSet<string> { StaffRoles.Writer });
    private static readonly StaffActor Partnerships = new(9004, "partners@newsroom.test", new HashSet<string> { StaffRoles.Partnerships });

    private readonly FakeTimeProvider clock = new(TestContent.Now);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private ArticlePreviews Previews(IDbContextFactory<NewsCmsDbContext>? contexts = null, string? signingKey = null)
    {
        contexts ??= database.Contexts;
        return new ArticlePreviews(contexts, new ServerSecretStore(contexts, clock), Options.Create(new PreviewOptions { SigningKey = signingKey }), clock);
    }

    [Fact]
    public async Task A_token_opens_its_draft_as_readers_would_see_it_and_its_creation_is_audited()
    {
        database.RequireAvailable();
        var draft = await SaveAsync("preview-draft", ArticleStatus.Draft, createdBy: Writer.UserId);

        var issued = await Previews().CreateAsync(Writer, draft.Id, null, Cancel);
        var opened = await Previews().OpenAsync(issued.Token, Cancel);

        Assert.Equal(draft.Id, opened.Id);
        Assert.Equal(ArticleStatus.Draft, opened.Status);
        Assert.Equal(TestContent.Now, opened.PublishedAt);
        Assert.Equal(TestContent.Now.AddMinutes(ArticlePreviews.DefaultMinutes), issued.ExpiresAt);
        var audit = Assert.Single(await AuditOfAsync(draft.Id));
        Assert.Equal((ArticlePreviews.CreateOperation, (int?)Writer.UserId), (audit.Operation, audit.ActorUserId));
        Assert.Contains(issued.Id.ToString(), audit.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_stops_working_when_it_expires()
    {
        database.RequireAvailable();
        var draft = await SaveAsync("preview-expiring", ArticleStatus.InReview);
        var issued = await Previews().CreateAsync(Editor, draft.Id, 5, Cancel);

        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(draft.Id, (await Previews().OpenAsync(issued.Token, Cancel)).Id);

        clock.Advance(TimeSpan.FromSeconds(1));
        var error = await RefusedAsync(issued.Token);
        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Altered_malformed_or_foreign_tokens_are_refused()
    {
        database.RequireAvailable();
        var draft = await SaveAsync("preview-tampered", ArticleStatus.Draft);
        var token = (await Previews().CreateAsync(Editor, draft.Id, 60, Cancel)).Token;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var foreign = (await Previews(signingKey: Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).CreateAsync(Editor, draft.Id, 60, Cancel)).Token;

        string[] refused =
        [
            Flip(token, 0),                     // another token id
            Flip(token, dot - 2),               // a later expiry
            Flip(token, dot + 1),               // another signature
            token[..^1] + (token[^1] == 'A' ? 'B' : 'A'),
            token[..dot],
            token + ".x",
            "",
            "not a token",
            new string('a', 5000),
            foreign,
        ];
        foreach (var candidate in refused)
        {
            var error = await RefusedAsync(candidate);
            Assert.Contains("not valid", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(draft.Id, (await Previews().OpenAsync(token, Cancel)).Id);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_and_revoking_twice_changes_nothing()
    {
        database.RequireAvailable();
        var draft = await SaveAsync("preview-revoked", ArticleStatus.Draft, createdBy: Writer.UserId);
        var issued = await Previews().CreateAsync(Writer, draft.Id, 60, Cancel);

        // Several editors revoke at once: one of them does it, and it is audited once.
        var revocations = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Previews().RevokeAsync(Editor, issued.Token, Cancel), Cancel)));

        Assert.Single(revocations, revoked => revoked);
        var error = await RefusedAsync(issued.Token);
        Assert.Contains("revoked", error.Message, StringComparison.Ordinal);
        Assert.False(await Previews().RevokeAsync(Writer, issued.Token, Cancel));
        var revokeAudit = Assert.Single(await AuditOfAsync(draft.Id), e => e.Operation == ArticlePreviews.RevokeOperation);
        Assert.Equal(Editor.UserId, revokeAudit.ActorUserId);
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.Equal(TestContent.Now, (await db.PreviewTokens.SingleAsync(t => t.Id == issued.Id, Cancel)).RevokedAt);
    }

    [Fact]
    public async Task An_embargo_holds_for_preview_links_until_its_time()
    {
        database.RequireAvailable();
        var embargoed = await SaveAsync("preview-embargoed", ArticleStatus.Scheduled, embargoUntil: TestContent.Now.AddHours(1));
        var issued = await Previews().CreateAsync(Editor, embargoed.Id, 180, Cancel);

        var error = await RefusedAsync(issued.Token);
        Assert.Contains("embargo", error.Message, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromHours(1));
        var opened = await Previews().OpenAsync(issued.Token, Cancel);
        Assert.Equal(TestContent.Now.AddHours(1), opened.PublishedAt);
    }

    [Fact]
    public async Task Writers_preview_only_their_own_stories_and_roles_without_drafts_none()
    {
        database.RequireAvailable();
        var mine = await SaveAsync("preview-writers-own", ArticleStatus.Draft, createdBy: Writer.UserId);

        var othersError = await Assert.ThrowsAsync<NewsCmsException>(() => Previews().CreateAsync(OtherWriter, mine.Id, null, Cancel));
        var partnersError = await Assert.ThrowsAsync<NewsCmsException>(() => Previews().CreateAsync(Partnerships, mine.Id, null, Cancel));
        var editors = await Previews().CreateAsync(Editor, mine.Id, null, Cancel);
        var revokeError = await Assert.ThrowsAsync<NewsCmsException>(() => Previews().RevokeAsync(Writer, editors.Token, Cancel));

        Assert.Equal(ErrorCode.Forbidden, othersError.Code);
        Assert.Equal(ErrorCode.Forbidden, partnersError.Code);
        Assert.Equal(ErrorCode.Forbidden, revokeError.Code);
        Assert.Equal(mine.Id, (await Previews().OpenAsync(editors.Token, Cancel)).Id);
        Assert.Equal([ArticlePreviews.CreateOperation], (await AuditOfAsync(mine.Id)).Select(e => e.Operation));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(ArticlePreviews.MaxMinutes + 1)]
    public async Task A_lifetime_out_of_bounds_or_an_unknown_story_writes_nothing(int minutes)
    {
        database.RequireAvailable();
        var draft = await SaveAsync($"preview-bounds-{minutes}", ArticleStatus.Draft);

        var bounds = await Assert.ThrowsAsync<NewsCmsException>(() => Previews().CreateAsync(Editor, draft.Id, minutes, Cancel));
        var unknown = await Assert.ThrowsAsync<NewsCmsException>(() => Previews().CreateAsync(Editor, int.MaxValue, null, Cancel));

        Assert.Equal(ErrorCode.Validation, bounds.Code);
        Assert.Contains("expiresInMinutes", bounds.FieldErrors.Keys);
        Assert.Equal(ErrorCode.NotFound, unknown.Code);
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await db.PreviewTokens.AnyAsync(t => t.ArticleId == draft.Id, Cancel));
        Assert.Empty(await AuditOfAsync(draft.Id));
    }

    [Fact]
    public async Task Servers_on_one_database_share_the_signing_key_they_create_on_first_use()
    {
        database.RequireAvailable();
        var draft = await SaveAsync("preview-shared-key", ArticleStatus.Draft);
        var servers = Enumerable.Range(0, 4).Select(_ => Previews(new PooledDbContextFactory<NewsCmsDbContext>(database.Options()))).ToList();

        var tokens = await Task.WhenAll(servers.Select(server => Task.Run(() => server.CreateAsync(Editor, draft.Id, 60, Cancel), Cancel)));

        foreach (var token in tokens)
        {
            foreach (var server in servers)
            {
                Assert.Equal(draft.Id, (await server.OpenAsync(token.Token, Cancel)).Id);
            }
        }
    }

    [Fact]
    public async Task Racing_processes_agree_on_one_new_secret()
    {
        database.RequireAvailable();
        var name = $"test-secret-{Guid.NewGuid():N}";
        var stores = Enumerable.Range(0, 6).Select(_ => new ServerSecretStore(new PooledDbContextFactory<NewsCmsDbContext>(database.Options()), clock)).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var runs = stores.Select(store => Task.Run(async () =>
        {
            await start.Task;
            return await store.GetOrCreateAsync(name, 32, Cancel);
        }, Cancel)).ToList();
        start.SetResult();
        var keys = await Task.WhenAll(runs);

        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        var stored = Assert.Single(await db.ServerSecrets.Where(s => s.Name == name).ToListAsync(Cancel));
        Assert.Equal(32, stored.Value.Length);
        Assert.All(keys, key => Assert.Equal(stored.Value, key));
    }

    [Fact]
    public async Task A_configured_key_signs_instead_of_the_database_one()
    {
        database.RequireAvailable();
        var draft = await SaveAsync("preview-configured-key", ArticleStatus.Draft);
        var configured = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

        var token = (await Previews(signingKey: configured).CreateAsync(Editor, draft.Id, 60, Cancel)).Token;

        Assert.Equal(draft.Id, (await Previews(signingKey: configured).OpenAsync(token, Cancel)).Id);
        await Assert.ThrowsAsync<NewsCmsException>(() => Previews().OpenAsync(token, Cancel));
        Assert.False(new PreviewOptions { SigningKey = Convert.ToBase64String(new byte[16]) }.HasUsableSigningKey);
        Assert.False(new PreviewOptions { SigningKey = "not base64!" }.HasUsableSigningKey);
    }

    private async Task<NewsCmsException> RefusedAsync(string token)
    {
        var error = await Assert.ThrowsAsync<NewsCmsException>(() => Previews().OpenAsync(token, Cancel));
        Assert.Equal(ErrorCode.Validation, error.Code);
        Assert.Equal(["token"], error.FieldErrors.Keys);
        return error;
    }

    private static string Flip(string token, int index) =>
        string.Concat(token.AsSpan(0, index), token[index] == 'A' ? "B" : "A", token.AsSpan(index + 1));

    private async Task<Article> SaveAsync(string slug, ArticleStatus status, int? createdBy = null, DateTime? embargoUntil = null)
    {
        var article = TestContent.Article(slug, embargoUntil, status: status);
        article.CreatedByUserId = createdBy;
        article.EmbargoUntil = embargoUntil;
        await database.Contexts.SaveAsync(article);
        return article;
    }

    private async Task<List<Core.Audit.AuditEntry>> AuditOfAsync(int articleId)
    {
        var entityId = articleId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var db = await database.Contexts.CreateDbContextAsync(Cancel);
        return await db.AuditLog.AsNoTracking().Where(e => e.EntityType == nameof(Article) && e.EntityId == entityId).OrderBy(e => e.Id).ToListAsync(Cancel);
    }
}

public sealed class SqliteArticlePreviewsTests(SqliteTestDatabase database) : ArticlePreviewsTests<SqliteTestDatabase>(database);

public sealed class PostgreSqlArticlePreviewsTests(PostgreSqlTestDatabase database) : ArticlePreviewsTests<PostgreSqlTestDatabase>(database);
