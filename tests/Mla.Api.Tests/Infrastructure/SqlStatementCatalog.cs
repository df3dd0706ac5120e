using System.Reflection;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Infrastructure.Hosting;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>
/// Finds every SQL statement of the API by the house convention: a <c>const string</c> whose name ends
/// in <c>Sql</c>, or a static method ending in <c>Sql</c> that takes only the dialect and returns the
/// statement, or a property of the dialect ending in <c>Sql</c>. Used to parse-check what would run on SQL Server.
/// </summary>
public static class SqlStatementCatalog
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static IEnumerable<(string Name, string Sql)> All(ISqlDialect dialect)
    {
        foreach (var property in dialect.GetType().GetProperties().Where(property => property.PropertyType == typeof(string) && property.Name.EndsWith("Sql", StringComparison.Ordinal)))
        {
            yield return ($"{dialect.GetType().Name}.{property.Name}", (string)property.GetValue(dialect)!);
        }

        foreach (var type in typeof(MlaApiAssembly).Assembly.GetTypes())
        {
            foreach (var field in type.GetFields(Everything).Where(field => field.FieldType == typeof(string) && field.Name.EndsWith("Sql", StringComparison.Ordinal)
                && (field.IsLiteral || field.IsInitOnly)))
            {
                yield return ($"{type.Name}.{field.Name}", field.IsLiteral ? (string)field.GetRawConstantValue()! : (string)field.GetValue(null)!);
            }

            // Statements built from records at start-up (RecordColumns), listed by their owner.
            if (type.GetMethod("GeneratedStatements", Everything, []) is { } generated && generated.ReturnType == typeof(IEnumerable<string>))
            {
                var i = 0;
                foreach (var sql in (IEnumerable<string>)generated.Invoke(null, null)!)
                {
                    yield return ($"{type.Name}.GeneratedStatements[{i++}]", sql);
                }
            }

            foreach (var method in type.GetMethods(Everything).Where(method => method.Name.EndsWith("Sql", StringComparison.Ordinal)
                && method.ReturnType == typeof(string)
                && method.GetParameters() is [{ ParameterType: var parameter }] && parameter == typeof(ISqlDialect)))
            {
                yield return ($"{type.Name}.{method.Name}", (string)method.Invoke(null, [dialect])!);
            }
        }
    }
}
