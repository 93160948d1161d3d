using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsCms.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MediaLibrary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LogoMediaId",
                table: "Sponsors",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AvatarMediaId",
                table: "Authors",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeroImageAlt",
                table: "Articles",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeroImageCaption",
                table: "Articles",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HeroImageId",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MediaAssets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StorageId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: true),
                    Height = table.Column<int>(type: "INTEGER", nullable: true),
                    AltText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Caption = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Credit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FocalPointX = table.Column<double>(type: "REAL", nullable: false),
                    FocalPointY = table.Column<double>(type: "REAL", nullable: false),
                    UploadedByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaAssets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ArticleMediaReferences",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    MediaAssetId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleMediaReferences", x => new { x.ArticleId, x.MediaAssetId });
                    table.ForeignKey(
                        name: "FK_ArticleMediaReferences_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ArticleMediaReferences_MediaAssets_MediaAssetId",
                        column: x => x.MediaAssetId,
                        principalTable: "MediaAssets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sponsors_LogoMediaId",
                table: "Sponsors",
                column: "LogoMediaId");

            migrationBuilder.CreateIndex(
                name: "IX_Authors_AvatarMediaId",
                table: "Authors",
                column: "AvatarMediaId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_HeroImageId",
                table: "Articles",
                column: "HeroImageId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleMediaReferences_MediaAssetId",
                table: "ArticleMediaReferences",
                column: "MediaAssetId");

            migrationBuilder.CreateIndex(
                name: "IX_MediaAssets_Sha256",
                table: "MediaAssets",
                column: "Sha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MediaAssets_StorageId",
                table: "MediaAssets",
                column: "StorageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MediaAssets_UploadedAt_Id",
                table: "MediaAssets",
                columns: new[] { "UploadedAt", "Id" });

            migrationBuilder.AddForeignKey(
                name: "FK_Articles_MediaAssets_HeroImageId",
                table: "Articles",
                column: "HeroImageId",
                principalTable: "MediaAssets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Authors_MediaAssets_AvatarMediaId",
                table: "Authors",
                column: "AvatarMediaId",
                principalTable: "MediaAssets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Sponsors_MediaAssets_LogoMediaId",
                table: "Sponsors",
                column: "LogoMediaId",
                principalTable: "MediaAssets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Articles_MediaAssets_HeroImageId",
                table: "Articles");

            migrationBuilder.DropForeignKey(
                name: "FK_Authors_MediaAssets_AvatarMediaId",
                table: "Authors");

            migrationBuilder.DropForeignKey(
                name: "FK_Sponsors_MediaAssets_LogoMediaId",
                table: "Sponsors");

            migrationBuilder.DropTable(
                name: "ArticleMediaReferences");

            migrationBuilder.DropTable(
                name: "MediaAssets");

            migrationBuilder.DropIndex(
                name: "IX_Sponsors_LogoMediaId",
                table: "Sponsors");

            migrationBuilder.DropIndex(
                name: "IX_Authors_AvatarMediaId",
                table: "Authors");

            migrationBuilder.DropIndex(
                name: "IX_Articles_HeroImageId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "LogoMediaId",
                table: "Sponsors");

            migrationBuilder.DropColumn(
                name: "AvatarMediaId",
                table: "Authors");

            migrationBuilder.DropColumn(
                name: "HeroImageAlt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "HeroImageCaption",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "HeroImageId",
                table: "Articles");
        }
    }
}
