using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Agenda.Core.Storage.Migrations.Postgres
{
    /// <summary>
    /// The shared name server (issue 16): the Instances sharing the database with their leases, and the name server's
    /// registrations, an instance's own ones deleted with its row (ON DELETE CASCADE). PostgreSQL only: on SQLite the
    /// name server stays in memory.
    /// </summary>
    public partial class SharedNameServer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Instances",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    NameServerUri = table.Column<string>(type: "text", nullable: false),
                    DaemonUri = table.Column<string>(type: "text", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RenewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LeaseExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NameRegistrations",
                columns: table => new
                {
                    Name = table.Column<string>(type: "text", nullable: false),
                    Uri = table.Column<string>(type: "text", nullable: false),
                    Metadata = table.Column<string[]>(type: "text[]", nullable: false),
                    OwnerId = table.Column<string>(type: "text", nullable: true),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Position = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NameRegistrations", x => x.Name);
                    table.ForeignKey(
                        name: "FK_NameRegistrations_Instances_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_LeaseExpiresAt",
                table: "Instances",
                column: "LeaseExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_Instances_Name",
                table: "Instances",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NameRegistrations_Metadata",
                table: "NameRegistrations",
                column: "Metadata")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_NameRegistrations_OwnerId",
                table: "NameRegistrations",
                column: "OwnerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NameRegistrations");

            migrationBuilder.DropTable(
                name: "Instances");
        }
    }
}
