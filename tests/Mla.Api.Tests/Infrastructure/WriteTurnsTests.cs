using Microsoft.Extensions.DependencyInjection;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>
/// SQLite has one write lock for the whole database: its writers in this process queue on an async turn
/// (<see cref="SqliteWriters"/>) rather than in Microsoft.Data.Sqlite's busy retries, which sleep the
/// calling thread. PostgreSQL and SQL Server lock rows, so their transactions begin without queueing.
/// </summary>
public sealed class WriteTurnsTests(DatabaseEngine engine) : ApiTest(engine)
{
    [Test]
    public async Task BeginTransaction_WhileAnotherWriterHoldsTheDatabase_SqliteQueuesWithoutBlockingInArrivalOrder_ReadsDoNotWait()
    {
        var scopes = new List<AsyncServiceScope>();
        IDbSession NewSession()
        {
            var scope = Services.CreateAsyncScope();
            scopes.Add(scope);
            return scope.ServiceProvider.GetRequiredService<IDbSession>();
        }

        try
        {
            var holder = NewSession();
            await holder.BeginTransactionAsync(CancellationToken.None);
            // With Microsoft.Data.Sqlite's busy retries, each call below would block this thread until the
            // holder commits or the busy timeout (30 s) ends, then fail.
            var writers = Enumerable.Range(0, 3).Select(_ => NewSession()).ToList();
            var begins = writers.Select(writer => writer.BeginTransactionAsync(CancellationToken.None)).ToList();
            var read = NewSession().QueryAsync<long>("SELECT COUNT(*) FROM requests", null, CancellationToken.None);

            Assert.That(await read.WaitAsync(TimeSpan.FromSeconds(30)), Has.Count.EqualTo(1), "a read answers while writers wait");
            if (Engine != DatabaseEngine.Sqlite)
            {
                await Task.WhenAll(begins).WaitAsync(TimeSpan.FromSeconds(30));
                Assert.That(begins.All(begin => begin.IsCompletedSuccessfully), Is.True, "row-locking engines do not queue writers");
                return;
            }

            Assert.That(begins.Any(begin => begin.IsCompleted), Is.False, "the writers wait for the holder, without a thread");
            await holder.CommitAsync(CancellationToken.None);
            var served = new List<int>();
            while (served.Count < begins.Count)
            {
                var next = await Task.WhenAny(begins.Where((_, i) => !served.Contains(i))).WaitAsync(TimeSpan.FromSeconds(30));
                await next;
                var index = begins.IndexOf(next);
                served.Add(index);
                Assert.That(begins.Where((_, i) => !served.Contains(i)).Any(begin => begin.IsCompleted), Is.False, "one writer at a time");
                await writers[index].CommitAsync(CancellationToken.None);
            }

            Assert.That(served, Is.EqualTo(new[] { 0, 1, 2 }), "served in arrival order");
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }
}
