using Mla.Api.Infrastructure.Hosting;

namespace Mla.Api.Tests.Infrastructure.Hosting;

/// <summary>
/// The loop every background job shares (checkpoints, e-mail notices): a failed run does not end the job,
/// a job its configuration leaves off never runs, and stopping the API stops it. No database involved.
/// </summary>
public sealed class PeriodicJobTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Test]
    public async Task PeriodicJob_RunFails_LogsItAndRunsAgain()
    {
        using var job = new ScriptedJob(isOn: true, failingRuns: 1);

        await job.StartAsync(CancellationToken.None);
        await job.SecondRun.Task.WaitAsync(Patience);
        await job.StopAsync(CancellationToken.None);

        Assert.That(job.Failures, Has.Count.EqualTo(1));
        Assert.That(job.Failures[0].Message, Is.EqualTo("run 1 failed"));
    }

    [Test]
    public async Task PeriodicJob_Off_SaysSoAndNeverRuns()
    {
        using var job = new ScriptedJob(isOn: false, failingRuns: 0);

        await job.StartAsync(CancellationToken.None);
        await job.ExecuteTask!.WaitAsync(Patience);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(job.Runs, Is.Zero);
            Assert.That(job.SaidOff, Is.True);
        }
    }

    [Test]
    public async Task PeriodicJob_Stopped_EndsWithoutFailure()
    {
        using var job = new ScriptedJob(isOn: true, failingRuns: 0);

        await job.StartAsync(CancellationToken.None);
        await job.SecondRun.Task.WaitAsync(Patience);
        await job.StopAsync(CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(job.ExecuteTask!.IsCompletedSuccessfully, Is.True);
            Assert.That(job.Failures, Is.Empty);
        }
    }

    /// <summary>Runs back to back (no interval), failing its first <c>failingRuns</c> runs.</summary>
    private sealed class ScriptedJob(bool isOn, int failingRuns) : PeriodicJob(TimeProvider.System)
    {
        private int _runs;

        public TaskCompletionSource SecondRun { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<Exception> Failures { get; } = [];

        public int Runs => Volatile.Read(ref _runs);

        public bool SaidOff { get; private set; }

        protected override bool IsOn => isOn;

        protected override TimeSpan Interval => TimeSpan.Zero;

        protected override async Task RunOnceAsync(CancellationToken cancellationToken)
        {
            var run = Interlocked.Increment(ref _runs);
            if (run == 2)
            {
                SecondRun.TrySetResult();
            }

            if (run <= failingRuns)
            {
                throw new InvalidOperationException($"run {run} failed");
            }

            // Yield, so a job that never fails still lets the test stop it between runs.
            await Task.Yield();
        }

        protected override void LogOff() => SaidOff = true;

        protected override void LogFailed(Exception exception)
        {
            lock (Failures)
            {
                Failures.Add(exception);
            }
        }
    }
}
