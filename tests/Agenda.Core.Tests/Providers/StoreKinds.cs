namespace Agenda.Core.Tests.Providers;

/// <summary>
/// Which database a contract test class runs on. A contract is an abstract class generic in its kind, and each
/// provider gets a one-line subclass, so the same tests run unchanged on SQLite and on PostgreSQL.
/// </summary>
public interface IStoreKind
{
    /// <summary>A store on a fresh, migrated database with no contacts.</summary>
    static abstract Task<ITestStore> OpenAsync();
}

public sealed class OnSqlite : IStoreKind
{
    public static async Task<ITestStore> OpenAsync() => await SqliteStore.OpenAsync();
}

public sealed class OnPostgres : IStoreKind
{
    public static async Task<ITestStore> OpenAsync() => await PostgresStore.OpenAsync();
}
