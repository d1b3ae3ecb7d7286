using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agenda.Core.Storage.Migrations.Sqlite
{
    /// <summary>
    /// Rich contacts: the card beyond the original four fields as JSON (null for every existing row, which reads as its
    /// phone and email becoming the primary entries), favourites, groups, and a vCard UID. Existing contacts get a random
    /// UUID before the unique index is built, so their exports can be imported again as updates.
    /// </summary>
    public partial class RichContacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Details",
                table: "Contacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Favorite",
                table: "Contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "GroupsText",
                table: "Contacts",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Uid",
                table: "Contacts",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // A version-4 UUID from SQLite's own randomness; other providers start this migration with no contacts.
            if (migrationBuilder.IsSqlite())
                migrationBuilder.Sql("""
                    UPDATE Contacts SET Uid = lower(
                        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
                        || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
                    WHERE Uid = '';
                    """);

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Uid",
                table: "Contacts",
                column: "Uid",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_Uid",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "Details",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "Favorite",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "GroupsText",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "Uid",
                table: "Contacts");
        }
    }
}
