using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace Mla.Web.Tests.Infrastructure;

/// <summary>
/// axe-core, for tests only: from MLA_AXE_PATH (tests/run.sh fetches it), else packed from the npm registry
/// into a temp folder once per run. Injected into a page, it reports the page's accessibility violations.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> ScriptPath = new(Locate);

    /// <summary>Violations of impact serious or critical, as "rule (impact): targets" lines.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = ScriptPath.Value });
        var json = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations");
        var found = new List<string>();
        foreach (var violation in json.EnumerateArray())
        {
            var impact = violation.GetProperty("impact").GetString();
            if (impact is "serious" or "critical")
            {
                var targets = violation.GetProperty("nodes").EnumerateArray().Select(node => node.GetProperty("target").ToString());
                found.Add($"{violation.GetProperty("id").GetString()} ({impact}): {string.Join(", ", targets)}");
            }
        }

        return found;
    }

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("MLA_AXE_PATH");
        if (!string.IsNullOrWhiteSpace(configured) && File.Exists(configured))
        {
            return configured;
        }

        var folder = Path.Combine(Path.GetTempPath(), "mla-axe-core-4");
        var script = Path.Combine(folder, "package", "axe.min.js");
        if (File.Exists(script))
        {
            return script;
        }

        Directory.CreateDirectory(folder);
        Run("npm", $"pack axe-core@4 --silent --pack-destination {folder}", folder);
        var archive = Directory.GetFiles(folder, "axe-core-*.tgz").Single();
        Run("tar", $"-xzf {archive} -C {folder} package/axe.min.js", folder);
        return script;
    }

    private static void Run(string file, string arguments, string folder)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.WaitForExit(120_000);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed: {process.StandardError.ReadToEnd()}");
        }
    }
}
