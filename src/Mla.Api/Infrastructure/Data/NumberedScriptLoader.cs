using System.Text;
using System.Text.RegularExpressions;
using EvolveDb.Metadata;
using EvolveDb.Migration;

namespace Mla.Api.Infrastructure.Data;

/// <summary>
/// Feeds Evolve our plain <c>NNNN_what.sql</c> scripts. Evolve's own file loader insists on a
/// Flyway-style prefix ("V1__what.sql"); this keeps the names a reader expects and leaves checksums,
/// ordering, locking and the history table to Evolve.
/// </summary>
public sealed partial class NumberedScriptLoader(string folder) : IMigrationLoader
{
    public IEnumerable<MigrationScript> GetMigrations()
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Migration folder {folder} does not exist.");
        }

        var scripts = new List<MigrationScript>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.sql"))
        {
            var match = ScriptName().Match(Path.GetFileName(path));
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration script {Path.GetFileName(path)} is not named NNNN_what.sql.");
            }

            var version = int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            var description = match.Groups["what"].Value.Replace('_', ' ');
            scripts.Add(new NumberedScript(version, description, Path.GetFileName(path), File.ReadAllText(path, Encoding.UTF8)));
        }

        return scripts.OrderBy(script => script.Version).ToList();
    }

    public IEnumerable<MigrationScript> GetRepeatableMigrations() => [];

    private sealed class NumberedScript(string version, string description, string name, string content)
        : MigrationScript(version, description, name, content, MetadataType.Migration);

    [GeneratedRegex(@"\A(?<version>\d{4})_(?<what>[a-z0-9_]+)\.sql\z")]
    private static partial Regex ScriptName();
}
