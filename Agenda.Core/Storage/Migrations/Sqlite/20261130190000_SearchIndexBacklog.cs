using Agenda.Core.Storage.Providers;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Agenda.Core.Storage.Migrations.Sqlite;

/// <summary>
/// The trigram index stops being kept in step by each write. A write's triggers now only note the contact in
/// <c>ContactsSearchBacklog</c> (a few microseconds); the writer indexes the noted contacts in bulk between batches
/// (<see cref="Providers.SqliteSearchIndex"/>), which costs a third of what the per-write triggers cost, and search reads the
/// backlog beside the index, so it never misses a write. The index becomes contentless with
/// <c>contentless_delete=1</c> (SQLite 3.43 or later; the bundled one is newer): by the time the writer reaches a changed
/// contact its old text is gone, and such a table deletes by rowid alone.
/// <code>
/// ContactsSearchBacklog   Id        the contact whose text changed since the writer last indexed it
///                         Indexed   1 when the index holds an entry for it (to delete first), 0 for a new contact
/// </code>
/// </summary>
[DbContext(typeof(SqliteAgendaDbContext))]
[Migration("20261130190000_SearchIndexBacklog")]
public sealed class SearchIndexBacklog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsSqlite()) return;
        migrationBuilder.Sql("""
            DROP TRIGGER Contacts_SearchUpdate;
            DROP TRIGGER Contacts_SearchDelete;
            DROP TRIGGER Contacts_SearchInsert;
            DROP TABLE ContactsSearch;
            CREATE VIRTUAL TABLE ContactsSearch USING fts5(
                SearchText, PhoneDigits, content='', contentless_delete=1, tokenize='trigram');
            CREATE TABLE ContactsSearchBacklog (Id INTEGER NOT NULL PRIMARY KEY, Indexed INTEGER NOT NULL);
            CREATE TRIGGER Contacts_SearchInsert AFTER INSERT ON Contacts BEGIN
                INSERT INTO ContactsSearchBacklog (Id, Indexed) VALUES (new.Id, 0) ON CONFLICT DO NOTHING;
            END;
            CREATE TRIGGER Contacts_SearchUpdate AFTER UPDATE ON Contacts
            WHEN old.SearchText IS NOT new.SearchText OR old.PhoneDigits IS NOT new.PhoneDigits BEGIN
                INSERT INTO ContactsSearchBacklog (Id, Indexed) VALUES (new.Id, 1) ON CONFLICT DO NOTHING;
            END;
            CREATE TRIGGER Contacts_SearchDelete AFTER DELETE ON Contacts BEGIN
                INSERT INTO ContactsSearchBacklog (Id, Indexed) VALUES (old.Id, 1) ON CONFLICT DO NOTHING;
            END;
            INSERT INTO ContactsSearch (rowid, SearchText, PhoneDigits) SELECT Id, SearchText, PhoneDigits FROM Contacts;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsSqlite()) return;
        migrationBuilder.Sql("""
            DROP TRIGGER Contacts_SearchDelete;
            DROP TRIGGER Contacts_SearchUpdate;
            DROP TRIGGER Contacts_SearchInsert;
            DROP TABLE ContactsSearchBacklog;
            DROP TABLE ContactsSearch;
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
}
