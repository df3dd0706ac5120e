using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;

namespace Mla.Api.Infrastructure.Data;

/// <summary>
/// The unit of work of one HTTP request or one command: owns the connection (opened on first use)
/// and the transaction. Handlers never open, close or dispose connections themselves.
/// </summary>
public interface IDbSession
{
    ISqlDialect Dialect { get; }

    bool InTransaction { get; }

    /// <summary>True between <see cref="BeginWriteScope"/> and commit or rollback.</summary>
    bool InWriteScope { get; }

    Task BeginTransactionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Starts a unit of work whose transaction begins at its first write, not now: a command validates,
    /// reads and renders first, and holds write locks (SQLite's is the whole database) only from its
    /// first write to its commit. Reads before that write run outside any transaction, so a command
    /// must detect a concurrent change in its writes (the request's version in its claim).
    /// </summary>
    void BeginWriteScope();

    /// <summary>
    /// Runs <paramref name="firstWrite"/> as the first statement of the scope's transaction, before the
    /// write that begins it (the idempotency key is claimed there).
    /// </summary>
    void OnTransactionBegin(Func<CancellationToken, Task> firstWrite);

    /// <summary>
    /// Runs <paramref name="release"/> once the write scope ends, after its commit or rollback (or when
    /// the session is disposed with the scope still open): for in-process turns a command must hold
    /// until its writes are visible to others (<c>ReferenceNumbers</c>' counter turns).
    /// </summary>
    void OnWriteScopeEnd(Action release);

    /// <summary>Begins the write scope's transaction now, running its first write, as a write would.</summary>
    Task EnsureTransactionAsync(CancellationToken cancellationToken);

    /// <summary>Each row as column name (any case) to the value the engine returned.</summary>
    Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryRowsAsync(string sql, object? parameters, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken);

    /// <summary>
    /// Rows one at a time, as the engine sends them, for reads too large to hold at once (the plenary report
    /// reads the timeline of every request of a network). Finish or dispose the enumeration before the next statement.
    /// </summary>
    IAsyncEnumerable<T> QueryUnbufferedAsync<T>(string sql, object? parameters, CancellationToken cancellationToken);

    Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken);

    Task<T> ExecuteScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken);

    Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken);
}

/// <inheritdoc cref="IDbSession"/>
public sealed class DbSession(ISqlDialect dialect, DatabaseOptions options) : IDbSession, IAsyncDisposable, IDisposable
{
    private DbConnection? _connection;
    private DbTransaction? _transaction;
    private bool _writeScope;
    private Func<CancellationToken, Task>? _firstWrite;
    private List<Action>? _onWriteScopeEnd;

    // SQLite only: this session's turn among the process's writers, held from its transaction's begin to
    // its end (ISqlDialect.WaitForWriteTurnAsync). Null on engines that lock rows.
    private IDisposable? _writeTurn;

    public ISqlDialect Dialect => dialect;

    public bool InTransaction => _transaction is not null;

    public bool InWriteScope => _writeScope;

    public void BeginWriteScope()
    {
        if (_writeScope || _transaction is not null)
        {
            throw new InvalidOperationException("A unit of work is already open in this session.");
        }

        _writeScope = true;
    }

    public void OnTransactionBegin(Func<CancellationToken, Task> firstWrite)
    {
        if (!_writeScope || _transaction is not null)
        {
            throw new InvalidOperationException("Register the first write of a unit of work before it begins.");
        }

        _firstWrite = firstWrite;
    }

    public void OnWriteScopeEnd(Action release)
    {
        if (!_writeScope)
        {
            throw new InvalidOperationException("Only a write scope ends with a commit or a rollback.");
        }

        (_onWriteScopeEnd ??= []).Add(release);
    }

    public async Task BeginTransactionAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already open in this session.");
        }

        var connection = await GetOpenConnectionAsync(cancellationToken);
        _writeTurn = await dialect.WaitForWriteTurnAsync(options.ConnectionString, cancellationToken);
        try
        {
            _transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        }
        catch
        {
            ReleaseWriteTurn();
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        EndWriteScope();
        if (_transaction is not null)
        {
            // A failed commit keeps its transaction, turns included, for the rollback (or disposal) that follows.
            await _transaction.CommitAsync(cancellationToken);
            await _transaction.DisposeAsync();
            _transaction = null;
            ReleaseWriteTurn();
        }

        RunWriteScopeEndActions();
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        EndWriteScope();
        if (_transaction is null)
        {
            RunWriteScopeEndActions();
            return;
        }

        try
        {
            // Not cancellable on purpose: a half-cancelled rollback would leave the connection unusable.
            await _transaction.RollbackAsync(CancellationToken.None);
        }
        finally
        {
            await _transaction.DisposeAsync();
            _transaction = null;
            ReleaseWriteTurn();
            RunWriteScopeEndActions();
        }
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await GetOpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<T>(Command(sql, parameters, cancellationToken));
        return rows.AsList();
    }

    public async IAsyncEnumerable<T> QueryUnbufferedAsync<T>(string sql, object? parameters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await GetOpenConnectionAsync(cancellationToken);
        await foreach (var row in connection.QueryUnbufferedAsync<T>(sql, parameters, _transaction).WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await GetOpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters, cancellationToken));
    }

    public async Task<T> ExecuteScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await GetOpenConnectionAsync(cancellationToken);
        return (await connection.ExecuteScalarAsync<T>(Command(sql, parameters, cancellationToken)))!;
    }

    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryRowsAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await GetOpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync(Command(sql, parameters, cancellationToken));
        return [.. rows.Select(row => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>(
            (IDictionary<string, object?>)row, StringComparer.OrdinalIgnoreCase))];
    }

    public async Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await GetOpenConnectionAsync(cancellationToken);
        await EnsureTransactionAsync(cancellationToken);
        if (_transaction is not null)
        {
            return await connection.ExecuteAsync(Command(sql, parameters, cancellationToken));
        }

        // A write outside any unit of work is its own transaction: on SQLite it queues like one.
        using var turn = await dialect.WaitForWriteTurnAsync(options.ConnectionString, cancellationToken);
        return await connection.ExecuteAsync(Command(sql, parameters, cancellationToken));
    }

    public async Task EnsureTransactionAsync(CancellationToken cancellationToken)
    {
        if (_writeScope && _transaction is null)
        {
            await BeginTransactionAsync(cancellationToken);
            if (_firstWrite is { } firstWrite)
            {
                _firstWrite = null;
                await firstWrite(cancellationToken);
            }
        }
    }

    private void RunWriteScopeEndActions()
    {
        var actions = _onWriteScopeEnd;
        _onWriteScopeEnd = null;
        foreach (var action in actions ?? [])
        {
            action();
        }
    }

    private void ReleaseWriteTurn()
    {
        _writeTurn?.Dispose();
        _writeTurn = null;
    }

    private void EndWriteScope()
    {
        _writeScope = false;
        _firstWrite = null;
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, _transaction, cancellationToken: cancellationToken);

    private async Task<DbConnection> GetOpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            _connection = dialect.CreateConnection(options.ConnectionString);
            await _connection.OpenAsync(cancellationToken);
        }

        return _connection;
    }

    // A transaction still open is rolled back by its disposal; only then are the turns given back.
    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
            _transaction = null;
        }

        ReleaseWriteTurn();
        RunWriteScopeEndActions();

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    public void Dispose()
    {
        _transaction?.Dispose();
        _transaction = null;
        ReleaseWriteTurn();
        RunWriteScopeEndActions();
        _connection?.Dispose();
        _connection = null;
    }
}
