using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>The in-process turns behind the counters' turns and SQLite's writers (no database).</summary>
public sealed class KeyedTurnsTests
{
    [Test]
    public async Task WaitAsync_SeveralWaitersOnOneKey_ServedOneAtATimeInArrivalOrder()
    {
        var turns = new KeyedTurns();
        var first = await turns.WaitAsync("MLI", CancellationToken.None);
        var waiters = Enumerable.Range(0, 5).Select(_ => turns.WaitAsync("MLI", CancellationToken.None)).ToList();
        Assert.That(waiters.Any(w => w.IsCompleted), Is.False, "nobody passes the one holding the turn");

        var served = new List<int>();
        var holder = first;
        while (served.Count < waiters.Count)
        {
            holder.Dispose();
            var next = await Task.WhenAny(waiters.Where((_, i) => !served.Contains(i)));
            served.Add(waiters.IndexOf(next));
            holder = await next;
            Assert.That(waiters.Where((_, i) => !served.Contains(i)).Any(w => w.IsCompleted), Is.False, "one holder at a time");
        }

        holder.Dispose();
        Assert.That(served, Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
    }

    [Test]
    public async Task WaitAsync_OtherKey_DoesNotWait()
    {
        var turns = new KeyedTurns();
        using var mali = await turns.WaitAsync("MLI", CancellationToken.None);

        var senegal = turns.WaitAsync("SEN", CancellationToken.None);

        Assert.That(senegal.IsCompletedSuccessfully, Is.True);
        (await senegal).Dispose();
    }

    [Test]
    public async Task TurnsGivenBackOrGivenUp_KeysAreForgotten_AndATurnGivenBackTwiceCountsOnce()
    {
        var turns = new KeyedTurns();
        var held = await turns.WaitAsync("MLI/MLA/2025", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = turns.WaitAsync("MLI/MLA/2025", cancel.Token);
        var timedOut = await turns.TryWaitAsync("MLI/MLA/2025", TimeSpan.Zero, CancellationToken.None);
        var next = turns.WaitAsync("MLI/MLA/2025", CancellationToken.None);
        await cancel.CancelAsync();

        Assert.That(async () => await cancelled, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(timedOut, Is.Null);
        held.Dispose();
        held.Dispose();
        var after = await next;
        var third = turns.WaitAsync("MLI/MLA/2025", CancellationToken.None);
        Assert.That(third.IsCompleted, Is.False, "given back twice, the turn still went to one waiter only");
        after.Dispose();
        (await third).Dispose();

        Assert.That(turns.Count, Is.Zero);
    }
}
