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

