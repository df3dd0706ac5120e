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

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
