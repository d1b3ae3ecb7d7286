using Agenda.Core.Storage.Providers;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Agenda.Core.Storage.Migrations.Sqlite;

/// <summary>
/// A trigram full-text index over the search columns, so a substring search over 100,000 contacts reads a few
/// index pages instead of scanning every row. It is an external-content FTS5 table: the triggers keep it in step
/// with Contacts inside the same transaction as each write. SQLite only: PostgreSQL has GIN trigram indexes instead.
/// </summary>
[DbContext(typeof(SqliteAgendaDbContext))]
[Migration("20261124210000_ContactsSearchIndex")]
public sealed class ContactsSearchIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsSqlite()) return;
        migrationBuilder.Sql("""
            CREATE VIRTUAL TABLE ContactsSearch USING fts5(
                SearchText, PhoneDigits, content='Contacts', content_rowid='Id', tokenize='trigram');
            CREATE TRIGGER Contacts_SearchInsert AFTER INSERT ON Contacts BEGIN
                INSERT INTO ContactsSearch(rowid, SearchText, PhoneDigits) VALUES (new.Id, new.SearchText, new.PhoneDigits);
            END;
            CREATE TRIGGER Contacts_SearchDelete AFTER DELETE ON Contacts BEGIN
                INSERT INTO ContactsSearch(ContactsSearch, rowid, SearchText, PhoneDigits)
                VALUES ('delete', old.Id, old.SearchText, old.PhoneDigits);
            END;
            CREATE TRIGGER Contacts_SearchUpdate AFTER UPDATE ON Contacts BEGIN
                INSERT INTO ContactsSearch(ContactsSearch, rowid, SearchText, PhoneDigits)
                VALUES ('delete', old.Id, old.SearchText, old.PhoneDigits);
                INSERT INTO ContactsSearch(rowid, SearchText, PhoneDigits) VALUES (new.Id, new.SearchText, new.PhoneDigits);
            END;
            INSERT INTO ContactsSearch(ContactsSearch) VALUES ('rebuild');
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsSqlite()) return;
        migrationBuilder.Sql("""
            DROP TRIGGER Contacts_SearchUpdate;
            DROP TRIGGER Contacts_SearchDelete;
            DROP TRIGGER Contacts_SearchInsert;
            DROP TABLE ContactsSearch;
            """);
    }
}
