using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Mla.Benchmarks.Load;

namespace Mla.Benchmarks;

/// <summary>
/// BenchmarkDotNet's switcher (<c>--filter '*Document*'</c>), or the load harness when the first argument
/// is its verb (<c>load-transmit</c>, see docs/PERFORMANCE.md). Not named Program: the API's entry point,
/// which the harness starts, is <c>Program</c>.
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == TransmitLoad.Verb)
        {
            return await TransmitLoad.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == Scale.SearchScale.Verb)
        {
            return await Scale.SearchScale.RunAsync(args[1..]);
        }

        // BenchmarkDotNet rebuilds this project, API included (for the load harness): on a busy 2-core
        // machine that takes longer than its default build timeout of 2 minutes.
        var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(15));
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args, config);
        return 0;
    }
}
