IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203813_InitialContentModel'
)
BEGIN
    CREATE TABLE [Authors] (
        [Id] int NOT NULL IDENTITY,
        [Slug] nvarchar(200) NOT NULL,
        [Name] nvarchar(150) NOT NULL,
        [JobTitle] nvarchar(150) NULL,
        [Bio] nvarchar(2000) NULL,
        CONSTRAINT [PK_Authors] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203813_InitialContentModel'
)
BEGIN
    CREATE TABLE [Sections] (
        [Id] int NOT NULL IDENTITY,
        [Slug] nvarchar(200) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Description] nvarchar(1000) NULL,
        [ParentId] int NULL,
        [DisplayOrder] int NOT NULL,
        CONSTRAINT [PK_Sections] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Sections_Sections_ParentId] FOREIGN KEY ([ParentId]) REFERENCES [Sections] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203813_InitialContentModel'
)
BEGIN
    CREATE TABLE [Sponsors] (
        [Id] int NOT NULL IDENTITY,
        [Slug] nvarchar(200) NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [WebsiteUrl] nvarchar(2000) NULL,
        [Tier] nvarchar(32) NOT NULL,
        [Description] nvarchar(2000) NULL,
        [ActiveFrom] datetime2 NULL,
        [ActiveUntil] datetime2 NULL,
        [DisplayOrder] int NOT NULL,
        CONSTRAINT [PK_Sponsors] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203813_InitialContentModel'
)
BEGIN
    CREATE TABLE [Tags] (
        [Id] int NOT NULL IDENTITY,
        [Slug] nvarchar(200) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_Tags] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203813_InitialContentModel'
)
BEGIN
    CREATE TABLE [Articles] (
        [Id] int NOT NULL IDENTITY,
        [Slug] nvarchar(200) NOT NULL,
        [Title] nvarchar(300) NOT NULL,
        [Kicker] nvarchar(60) NULL,
        [Summary] nvarchar(1000) NOT NULL,
        [SectionId] int NULL,
        [Status] nvarchar(32) NOT NULL,
        [PublishedAt] datetime2 NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [MetaTitle] nvarchar(200) NULL,
        [MetaDescription] nvarchar(400) NULL,
        [CanonicalUrl] nvarchar(2000) NULL,
        [IsBreaking] bit NOT NULL,
        [BreakingUntil] datetime2 NULL,
        [SponsorId] int NULL,
        [SponsorDisclosure] nvarchar(500) NULL,
        [WordCount] int NOT NULL,
        [ReadingTimeMinutes] int NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Articles] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Articles_Sections_SectionId] FOREIGN KEY ([SectionId]) REFERENCES [Sections] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Articles_Sponsors_SponsorId] FOREIGN KEY ([SponsorId]) REFERENCES [Sponsors] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203813_InitialContentModel'
)
BEGIN
    CREATE TABLE [ArticleAuthors] (
        [ArticleId] int NOT NULL,
        [AuthorId] int NOT NULL,
        [Position] int NOT NULL,
        CONSTRAINT [PK_ArticleAuthors] PRIMARY KEY ([ArticleId], [AuthorId]),
        CONSTRAINT [FK_ArticleAuthors_Articles_ArticleId] FOREIGN KEY ([ArticleId]) REFERENCES [Articles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ArticleAuthors_Authors_AuthorId] FOREIGN KEY ([AuthorId]) REFERENCES [Authors] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203813_InitialContentModel'
)
BEGIN
    CREATE TABLE [ArticleBodies] (
        [ArticleId] int NOT NULL,
        [Markdown] nvarchar(max) NOT NULL,
        [Html] nvarchar(max) NOT NULL,
        [PlainText] nvarchar(max) NOT NULL,
        [Outline] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_ArticleBodies] PRIMARY KEY ([ArticleId]),
        CONSTRAINT [FK_ArticleBodies_Articles_ArticleId] FOREIGN KEY ([ArticleId]) REFERENCES [Articles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203813_InitialContentModel'
)
BEGIN
    CREATE TABLE [ArticleTags] (
        [ArticleId] int NOT NULL,
        [TagId] int NOT NULL,
        CONSTRAINT [PK_ArticleTags] PRIMARY KEY ([ArticleId], [TagId]),
        CONSTRAINT [FK_ArticleTags_Articles_ArticleId] FOREIGN KEY ([ArticleId]) REFERENCES [Articles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ArticleTags_Tags_TagId] FOREIGN KEY ([TagId]) REFERENCES [Tags] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203813_InitialContentModel'
)
BEGIN
    CREATE INDEX [IX_ArticleAuthors_AuthorId] ON [ArticleAuthors] ([AuthorId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203813_InitialContentModel'
)
BEGIN
    CREATE INDEX [IX_ArticleTags_TagId] ON [ArticleTags] ([TagId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203813_InitialContentModel'
)
BEGIN
    CREATE INDEX [IX_Articles_SectionId_Status_PublishedAt] ON [Articles] ([SectionId], [Status], [PublishedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203813_InitialContentModel'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Articles_Slug] ON [Articles] ([Slug]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203813_InitialContentModel'
)
BEGIN
    CREATE INDEX [IX_Articles_SponsorId] ON [Articles] ([SponsorId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203813_InitialContentModel'
)
BEGIN
    CREATE INDEX [IX_Articles_Status_PublishedAt_Id] ON [Articles] ([Status], [PublishedAt], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203813_InitialContentModel'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Authors_Slug] ON [Authors] ([Slug]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203813_InitialContentModel'
)
BEGIN
    CREATE INDEX [IX_Sections_ParentId_DisplayOrder] ON [Sections] ([ParentId], [DisplayOrder]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203813_InitialContentModel'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Sections_Slug] ON [Sections] ([Slug]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203813_InitialContentModel'
)
BEGIN
    CREATE INDEX [IX_Sponsors_DisplayOrder] ON [Sponsors] ([DisplayOrder]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203813_InitialContentModel'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Sponsors_Slug] ON [Sponsors] ([Slug]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203813_InitialContentModel'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Tags_Slug] ON [Tags] ([Slug]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203813_InitialContentModel'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204203813_InitialContentModel', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    ALTER TABLE [Tags] ADD [Version] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    ALTER TABLE [Sponsors] ADD [Version] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    ALTER TABLE [Sections] ADD [Version] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    ALTER TABLE [Authors] ADD [Version] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    ALTER TABLE [Articles] ADD [CreatedByUserId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    ALTER TABLE [Articles] ADD [EmbargoUntil] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE TABLE [ArticleCorrections] (
        [Id] int NOT NULL IDENTITY,
        [ArticleId] int NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [Text] nvarchar(2000) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [ActorUserId] int NULL,
        CONSTRAINT [PK_ArticleCorrections] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ArticleCorrections_Articles_ArticleId] FOREIGN KEY ([ArticleId]) REFERENCES [Articles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE TABLE [ArticleRevisions] (
        [Id] bigint NOT NULL IDENTITY,
        [ArticleId] int NOT NULL,
        [Number] int NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [ActorUserId] int NULL,
        [Actor] nvarchar(256) NOT NULL,
        [Operation] nvarchar(100) NOT NULL,
        [Title] nvarchar(300) NOT NULL,
        [Slug] nvarchar(200) NOT NULL,
        [Summary] nvarchar(1000) NOT NULL,
        [Markdown] nvarchar(max) NOT NULL,
        [Metadata] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_ArticleRevisions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ArticleRevisions_Articles_ArticleId] FOREIGN KEY ([ArticleId]) REFERENCES [Articles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE TABLE [ArticleSlugRedirects] (
        [Slug] nvarchar(200) NOT NULL,
        [ArticleId] int NOT NULL,
        [RetiredAt] datetime2 NOT NULL,
        CONSTRAINT [PK_ArticleSlugRedirects] PRIMARY KEY ([Slug]),
        CONSTRAINT [FK_ArticleSlugRedirects_Articles_ArticleId] FOREIGN KEY ([ArticleId]) REFERENCES [Articles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] int NOT NULL IDENTITY,
        [DisplayName] nvarchar(150) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE TABLE [AuditLog] (
        [Id] bigint NOT NULL IDENTITY,
        [OccurredAt] datetime2 NOT NULL,
        [ActorUserId] int NULL,
        [Actor] nvarchar(256) NOT NULL,
        [Operation] nvarchar(100) NOT NULL,
        [EntityType] nvarchar(50) NOT NULL,
        [EntityId] nvarchar(50) NOT NULL,
        [Summary] nvarchar(2000) NOT NULL,
        CONSTRAINT [PK_AuditLog] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE TABLE [PreviewTokens] (
        [Id] uniqueidentifier NOT NULL,
        [ArticleId] int NOT NULL,
        [CreatedByUserId] int NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [ExpiresAt] datetime2 NOT NULL,
        [RevokedAt] datetime2 NULL,
        CONSTRAINT [PK_PreviewTokens] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PreviewTokens_Articles_ArticleId] FOREIGN KEY ([ArticleId]) REFERENCES [Articles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE TABLE [ServerSecrets] (
        [Name] nvarchar(100) NOT NULL,
        [Value] varbinary(max) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_ServerSecrets] PRIMARY KEY ([Name])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] int NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE TABLE [ApiTokens] (
        [Id] int NOT NULL IDENTITY,
        [UserId] int NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [SecretHash] nvarchar(64) NOT NULL,
        [Prefix] nvarchar(12) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [ExpiresAt] datetime2 NULL,
        [RevokedAt] datetime2 NULL,
        [LastUsedAt] datetime2 NULL,
        CONSTRAINT [PK_ApiTokens] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ApiTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] int NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] int NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] int NOT NULL,
        [RoleId] int NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] int NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'ConcurrencyStamp', N'Name', N'NormalizedName') AND [object_id] = OBJECT_ID(N'[AspNetRoles]'))
        SET IDENTITY_INSERT [AspNetRoles] ON;
    EXEC(N'INSERT INTO [AspNetRoles] ([Id], [ConcurrencyStamp], [Name], [NormalizedName])
    VALUES (1, N''newscms-role-1'', N''Administrator'', N''ADMINISTRATOR''),
    (2, N''newscms-role-2'', N''Editor'', N''EDITOR''),
    (3, N''newscms-role-3'', N''Writer'', N''WRITER''),
    (4, N''newscms-role-4'', N''Partnerships'', N''PARTNERSHIPS'')');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'ConcurrencyStamp', N'Name', N'NormalizedName') AND [object_id] = OBJECT_ID(N'[AspNetRoles]'))
        SET IDENTITY_INSERT [AspNetRoles] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE INDEX [IX_Articles_Status_UpdatedAt_Id] ON [Articles] ([Status], [UpdatedAt], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE INDEX [IX_Articles_UpdatedAt_Id] ON [Articles] ([UpdatedAt], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ApiTokens_SecretHash] ON [ApiTokens] ([SecretHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE INDEX [IX_ApiTokens_UserId] ON [ApiTokens] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE INDEX [IX_ArticleCorrections_ArticleId_Id] ON [ArticleCorrections] ([ArticleId], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ArticleRevisions_ArticleId_Number] ON [ArticleRevisions] ([ArticleId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE INDEX [IX_ArticleSlugRedirects_ArticleId] ON [ArticleSlugRedirects] ([ArticleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE INDEX [IX_AuditLog_ActorUserId_Id] ON [AuditLog] ([ActorUserId], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE INDEX [IX_AuditLog_EntityType_EntityId_Id] ON [AuditLog] ([EntityType], [EntityId], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    CREATE INDEX [IX_PreviewTokens_ArticleId] ON [PreviewTokens] ([ArticleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204230315_EditorialWorkflow'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204230315_EditorialWorkflow', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003542_MediaLibrary'
)
BEGIN
    ALTER TABLE [Sponsors] ADD [LogoMediaId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003542_MediaLibrary'
)
BEGIN
    ALTER TABLE [Authors] ADD [AvatarMediaId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003542_MediaLibrary'
)
BEGIN
    ALTER TABLE [Articles] ADD [HeroImageAlt] nvarchar(500) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003542_MediaLibrary'
)
BEGIN
    ALTER TABLE [Articles] ADD [HeroImageCaption] nvarchar(1000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003542_MediaLibrary'
)
BEGIN
    ALTER TABLE [Articles] ADD [HeroImageId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003542_MediaLibrary'
)
BEGIN
    CREATE TABLE [MediaAssets] (
        [Id] int NOT NULL IDENTITY,
        [StorageId] nvarchar(32) NOT NULL,
        [FileName] nvarchar(255) NOT NULL,
        [ContentType] nvarchar(100) NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [SizeBytes] bigint NOT NULL,
        [Sha256] nvarchar(64) NOT NULL,
        [Width] int NULL,
        [Height] int NULL,
        [AltText] nvarchar(500) NULL,
        [Caption] nvarchar(1000) NULL,
        [Credit] nvarchar(200) NULL,
        [FocalPointX] float NOT NULL,
        [FocalPointY] float NOT NULL,
        [UploadedByUserId] int NULL,
        [UploadedAt] datetime2 NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_MediaAssets] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003542_MediaLibrary'
)
BEGIN
    CREATE TABLE [ArticleMediaReferences] (
        [ArticleId] int NOT NULL,
        [MediaAssetId] int NOT NULL,
        CONSTRAINT [PK_ArticleMediaReferences] PRIMARY KEY ([ArticleId], [MediaAssetId]),
        CONSTRAINT [FK_ArticleMediaReferences_Articles_ArticleId] FOREIGN KEY ([ArticleId]) REFERENCES [Articles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ArticleMediaReferences_MediaAssets_MediaAssetId] FOREIGN KEY ([MediaAssetId]) REFERENCES [MediaAssets] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003542_MediaLibrary'
)
BEGIN
    CREATE INDEX [IX_Sponsors_LogoMediaId] ON [Sponsors] ([LogoMediaId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003542_MediaLibrary'
)
BEGIN
    CREATE INDEX [IX_Authors_AvatarMediaId] ON [Authors] ([AvatarMediaId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003542_MediaLibrary'
)
BEGIN
    CREATE INDEX [IX_Articles_HeroImageId] ON [Articles] ([HeroImageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003542_MediaLibrary'
)
BEGIN
    CREATE INDEX [IX_ArticleMediaReferences_MediaAssetId] ON [ArticleMediaReferences] ([MediaAssetId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003542_MediaLibrary'
)
BEGIN
    CREATE UNIQUE INDEX [IX_MediaAssets_Sha256] ON [MediaAssets] ([Sha256]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003542_MediaLibrary'
)
BEGIN
    CREATE UNIQUE INDEX [IX_MediaAssets_StorageId] ON [MediaAssets] ([StorageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003542_MediaLibrary'
)
BEGIN
    CREATE INDEX [IX_MediaAssets_UploadedAt_Id] ON [MediaAssets] ([UploadedAt], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003542_MediaLibrary'
)
BEGIN
    ALTER TABLE [Articles] ADD CONSTRAINT [FK_Articles_MediaAssets_HeroImageId] FOREIGN KEY ([HeroImageId]) REFERENCES [MediaAssets] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003542_MediaLibrary'
)
BEGIN
    ALTER TABLE [Authors] ADD CONSTRAINT [FK_Authors_MediaAssets_AvatarMediaId] FOREIGN KEY ([AvatarMediaId]) REFERENCES [MediaAssets] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003542_MediaLibrary'
)
BEGIN
    ALTER TABLE [Sponsors] ADD CONSTRAINT [FK_Sponsors_MediaAssets_LogoMediaId] FOREIGN KEY ([LogoMediaId]) REFERENCES [MediaAssets] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003542_MediaLibrary'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205003542_MediaLibrary', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205024339_PartnershipsAndNewsletter'
)
BEGIN
    ALTER TABLE [Sponsors] ADD [Placements] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205024339_PartnershipsAndNewsletter'
)
BEGIN
    ALTER TABLE [Sponsors] ADD [TrackingUrl] nvarchar(2000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205024339_PartnershipsAndNewsletter'
)
BEGIN
    CREATE TABLE [Applications] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(200) NOT NULL,
        [Email] nvarchar(320) NOT NULL,
        [Company] nvarchar(200) NULL,
        [ConsentToContact] bit NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [ReviewerUserId] int NULL,
        [SubmittedAt] datetime2 NOT NULL,
        [DecidedAt] datetime2 NULL,
        [IdempotencyKey] nvarchar(100) NULL,
        [Version] int NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [Phone] nvarchar(40) NULL,
        [Website] nvarchar(2000) NULL,
        [PartnershipKind] nvarchar(32) NULL,
        [Budget] nvarchar(32) NULL,
        [Message] nvarchar(max) NULL,
        [JobTitle] nvarchar(200) NULL,
        [TalkTitle] nvarchar(200) NULL,
        [Abstract] nvarchar(max) NULL,
        [ShortBio] nvarchar(1500) NULL,
        [Topics] nvarchar(max) NULL,
        [Links] nvarchar(max) NULL,
        [EventName] nvarchar(200) NULL,
        CONSTRAINT [PK_Applications] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205024339_PartnershipsAndNewsletter'
)
BEGIN
    CREATE TABLE [NewsletterLists] (
        [Id] int NOT NULL IDENTITY,
        [Slug] nvarchar(200) NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [Description] nvarchar(2000) NULL,
        [CreatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_NewsletterLists] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205024339_PartnershipsAndNewsletter'
)
BEGIN
    CREATE TABLE [Outbox] (
        [Id] bigint NOT NULL IDENTITY,
        [Kind] nvarchar(60) NOT NULL,
        [ToAddress] nvarchar(320) NOT NULL,
        [ToName] nvarchar(320) NULL,
        [Subject] nvarchar(300) NOT NULL,
        [TextBody] nvarchar(max) NOT NULL,
        [HtmlBody] nvarchar(max) NULL,
        [Headers] nvarchar(max) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [NextAttemptAt] datetime2 NOT NULL,
        [Attempts] int NOT NULL,
        [SentAt] datetime2 NULL,
        [LastError] nvarchar(max) NULL,
        CONSTRAINT [PK_Outbox] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205024339_PartnershipsAndNewsletter'
)
BEGIN
    CREATE TABLE [ApplicationNotes] (
        [Id] int NOT NULL IDENTITY,
        [ApplicationId] int NOT NULL,
        [AuthorUserId] int NULL,
        [CreatedAt] datetime2 NOT NULL,
        [Text] nvarchar(4000) NOT NULL,
        CONSTRAINT [PK_ApplicationNotes] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ApplicationNotes_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205024339_PartnershipsAndNewsletter'
)
BEGIN
    CREATE TABLE [NewsletterSubscriptions] (
        [Id] int NOT NULL IDENTITY,
        [ListId] int NOT NULL,
        [Email] nvarchar(254) NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [ConsentAt] datetime2 NOT NULL,
        [ConfirmedAt] datetime2 NULL,
        [UnsubscribedAt] datetime2 NULL,
        [Source] nvarchar(60) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_NewsletterSubscriptions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_NewsletterSubscriptions_NewsletterLists_ListId] FOREIGN KEY ([ListId]) REFERENCES [NewsletterLists] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205024339_PartnershipsAndNewsletter'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'CreatedAt', N'Description', N'Name', N'Slug') AND [object_id] = OBJECT_ID(N'[NewsletterLists]'))
        SET IDENTITY_INSERT [NewsletterLists] ON;
    EXEC(N'INSERT INTO [NewsletterLists] ([Id], [CreatedAt], [Description], [Name], [Slug])
    VALUES (-1, ''2026-01-01T00:00:00.0000000Z'', N''The week''''s business news in one message, every Friday.'', N''The weekly newsletter'', N''weekly'')');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'CreatedAt', N'Description', N'Name', N'Slug') AND [object_id] = OBJECT_ID(N'[NewsletterLists]'))
        SET IDENTITY_INSERT [NewsletterLists] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205024339_PartnershipsAndNewsletter'
)
BEGIN
    CREATE INDEX [IX_ApplicationNotes_ApplicationId] ON [ApplicationNotes] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205024339_PartnershipsAndNewsletter'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Applications_Email_IdempotencyKey] ON [Applications] ([Email], [IdempotencyKey]) WHERE [IdempotencyKey] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205024339_PartnershipsAndNewsletter'
)
BEGIN
    CREATE INDEX [IX_Applications_Status_DecidedAt] ON [Applications] ([Status], [DecidedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205024339_PartnershipsAndNewsletter'
)
BEGIN
    CREATE INDEX [IX_Applications_Status_SubmittedAt] ON [Applications] ([Status], [SubmittedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205024339_PartnershipsAndNewsletter'
)
BEGIN
    CREATE UNIQUE INDEX [IX_NewsletterLists_Slug] ON [NewsletterLists] ([Slug]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205024339_PartnershipsAndNewsletter'
)
BEGIN
    CREATE INDEX [IX_NewsletterSubscriptions_Email] ON [NewsletterSubscriptions] ([Email]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205024339_PartnershipsAndNewsletter'
)
BEGIN
    CREATE UNIQUE INDEX [IX_NewsletterSubscriptions_ListId_Email] ON [NewsletterSubscriptions] ([ListId], [Email]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205024339_PartnershipsAndNewsletter'
)
BEGIN
    CREATE INDEX [IX_NewsletterSubscriptions_ListId_Status] ON [NewsletterSubscriptions] ([ListId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205024339_PartnershipsAndNewsletter'
)
BEGIN
    CREATE INDEX [IX_Outbox_SentAt_NextAttemptAt] ON [Outbox] ([SentAt], [NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205024339_PartnershipsAndNewsletter'
)
BEGIN
    CREATE INDEX [IX_Outbox_ToAddress] ON [Outbox] ([ToAddress]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205024339_PartnershipsAndNewsletter'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205024339_PartnershipsAndNewsletter', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205033745_AdminUi'
)
BEGIN
    CREATE TABLE [AspNetUserPasskeys] (
        [CredentialId] varbinary(1024) NOT NULL,
        [UserId] int NOT NULL,
        [Data] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_AspNetUserPasskeys] PRIMARY KEY ([CredentialId]),
        CONSTRAINT [FK_AspNetUserPasskeys_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205033745_AdminUi'
)
BEGIN
    CREATE INDEX [IX_AspNetUserPasskeys_UserId] ON [AspNetUserPasskeys] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205033745_AdminUi'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205033745_AdminUi', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205065847_ScaleOut'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205065847_ScaleOut'
)
BEGIN
    CREATE TABLE [JobLeases] (
        [Name] nvarchar(100) NOT NULL,
        [Holder] nvarchar(200) NOT NULL,
        [ExpiresAt] datetime2 NOT NULL,
        CONSTRAINT [PK_JobLeases] PRIMARY KEY ([Name])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205065847_ScaleOut'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205065847_ScaleOut', N'10.0.15');
END;

COMMIT;
GO

