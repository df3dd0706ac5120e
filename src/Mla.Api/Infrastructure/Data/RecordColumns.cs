using System.Collections.Concurrent;
using System.Reflection;

namespace Mla.Api.Infrastructure.Data;

/// <summary>
/// Maps a record's properties to columns by convention (<c>PascalCase</c> property, <c>snake_case</c>
/// column; a nested record's properties take its name as prefix: <c>Warrant.Date</c> is
/// <c>warrant_date</c>), so statements are written from the record itself: a new property is a new
/// column, and a renamed one fails on every engine at once instead of silently reading defaults.
/// Collections are not columns: they live in child tables that their owner maps.
/// </summary>
public sealed class RecordColumns<T>
{
    private readonly IReadOnlyList<Column> _columns;

    /// <param name="legacyNames">
    /// Columns named before the convention (<c>"Language" → "language_code"</c>, nested as
    /// <c>"Warrant.Date"</c>); new properties never need an entry.
    /// </param>
    public RecordColumns(IReadOnlyDictionary<string, string>? legacyNames = null)
    {
        legacyNames ??= new Dictionary<string, string>();
        _columns = [.. Discover(typeof(T), null, "", legacyNames)];
    }

    /// <summary>Every column, in property order.</summary>
    public IReadOnlyList<string> Names => [.. _columns.Select(c => c.Name)];

    /// <summary><c>a, b, c</c>, each optionally prefixed with a table alias.</summary>
    public string SelectList(string? tableAlias = null) =>
        string.Join(", ", _columns.Select(c => tableAlias is null ? c.Name : $"{tableAlias}.{c.Name}"));

    /// <summary><c>a = @a, b = @b</c> for an UPDATE.</summary>
    public string Assignments() => string.Join(", ", _columns.Select(c => $"{c.Name} = @{c.Name}"));

    /// <summary><c>@a, @b</c> for an INSERT.</summary>
    public string Parameters() => string.Join(", ", _columns.Select(c => $"@{c.Name}"));

    /// <summary>The record's values as statement parameters named after their columns (see <see cref="ColumnValues.ToParameter"/>).</summary>
    public void AddParameters(T record, IDictionary<string, object?> parameters)
    {
        foreach (var column in _columns)
        {
            var owner = column.Parent is null ? record : column.Parent.GetValue(record);
            parameters[column.Name] = ColumnValues.ToParameter(owner is null ? null : column.Property.GetValue(owner));
        }
    }

    /// <summary>
    /// The record's values by column, as read (text untrimmed, enums as their kebab-case code): what the
    /// chain's digest of a request covers, so that a value edited in the database is seen even where
    /// <see cref="AddParameters"/> would have normalised it.
    /// </summary>
    public IEnumerable<KeyValuePair<string, object?>> Values(T record)
    {
        foreach (var column in _columns)
        {
            var owner = column.Parent is null ? record : column.Parent.GetValue(record);
            var value = owner is null ? null : column.Property.GetValue(owner);
            yield return KeyValuePair.Create(column.Name, value is Enum ? ColumnValues.ToParameter(value) : value);
        }
    }

    /// <summary>The record read from a row (column name to value, as the engine returned it).</summary>
    public T FromRow(IReadOnlyDictionary<string, object?> row) => (T)Build(typeof(T), null, row);

    private object Build(Type type, PropertyInfo? parent, IReadOnlyDictionary<string, object?> row)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in _columns.Where(c => c.Parent == parent))
        {
            values[column.Property.Name] = ColumnValues.FromColumn(row.TryGetValue(column.Name, out var raw) ? raw : null, column.Property.PropertyType);
        }

        foreach (var nested in NestedProperties(type))
        {
            var inner = Build(nested.PropertyType, nested, row);
            // A nested record with nothing in it was not written at all.
            values[nested.Name] = _columns.Where(c => c.Parent == nested).All(c => c.Property.GetValue(inner) is null) ? null : inner;
        }

        return RecordFactory.Create(type, values);
    }

    private static IEnumerable<PropertyInfo> NestedProperties(Type type) =>
        Readable(type).Where(p => IsNested(p.PropertyType));

    private static IEnumerable<Column> Discover(Type type, PropertyInfo? parent, string prefix, IReadOnlyDictionary<string, string> legacyNames)
    {
        foreach (var property in Readable(type))
        {
            var path = parent is null ? property.Name : $"{parent.Name}.{property.Name}";
            if (IsNested(property.PropertyType))
            {
                foreach (var column in Discover(property.PropertyType, property, prefix + SnakeCase.Of(property.Name) + "_", legacyNames))
                {
                    yield return column;
                }
            }
            else if (ColumnValues.IsScalar(property.PropertyType))
            {
                yield return new Column(legacyNames.TryGetValue(path, out var legacy) ? legacy : prefix + SnakeCase.Of(property.Name), property, parent);
            }
        }
    }

    private static IEnumerable<PropertyInfo> Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract");

    private static bool IsNested(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

    private sealed record Column(string Name, PropertyInfo Property, PropertyInfo? Parent);
}

/// <summary>Builds records by their primary constructor (positional records) or their init-only properties.</summary>
public static class RecordFactory
{
    private static readonly ConcurrentDictionary<Type, ConstructorInfo> Constructors = new();

    public static object Create(Type type, IReadOnlyDictionary<string, object?> values)
    {
        var constructor = Constructors.GetOrAdd(type, t => t.GetConstructors()
            .Where(c => c.GetParameters().All(p => p.ParameterType != t))
            .OrderByDescending(c => c.GetParameters().Length)
            .First());
        var parameters = constructor.GetParameters();
        var instance = constructor.Invoke([.. parameters.Select(p => values.TryGetValue(p.Name!, out var value) ? value : Default(p.ParameterType))]);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.CanWrite && values.TryGetValue(property.Name, out var value)
                && !parameters.Any(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase)))
            {
                property.SetValue(instance, value ?? Default(property.PropertyType));
            }
        }

        return instance;
    }

    private static object? Default(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;
}

/// <summary>
/// Converts between property values and what each engine stores: codes as kebab-case text, dates as
/// the engine returns them (text on SQLite, DateTime elsewhere), booleans as 0/1 on SQLite. The one
/// place where a stored kebab-case code becomes an enum again, for every engine.
/// </summary>
public static class ColumnValues
{
    public static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t.IsEnum || t == typeof(bool) || t == typeof(int) || t == typeof(long)
            || t == typeof(Guid) || t == typeof(DateOnly) || t == typeof(DateTimeOffset) || t == typeof(decimal);
    }

    /// <summary>A property value as a parameter: enums as their kebab-case code, text trimmed and blank text as no text.</summary>
    public static object? ToParameter(object? value) => value switch
    {
        null => null,
        Enum code => KebabCode.FromPascalCase(code.ToString()),
        string text => string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
        _ => value,
    };

    public static object? FromColumn(object? raw, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (raw is null or DBNull)
        {
            return underlying is not null || !type.IsValueType ? null : Activator.CreateInstance(type);
        }

        var target = underlying ?? type;
        return target switch
        {
            _ when target.IsInstanceOfType(raw) => raw,
            _ when target == typeof(string) => Convert.ToString(raw, CultureInfo.InvariantCulture),
            _ when target.IsEnum => ParseCode(target, Convert.ToString(raw, CultureInfo.InvariantCulture)!),
            _ when target == typeof(bool) => Convert.ToInt64(raw, CultureInfo.InvariantCulture) != 0,
            _ when target == typeof(int) => Convert.ToInt32(raw, CultureInfo.InvariantCulture),
            _ when target == typeof(long) => Convert.ToInt64(raw, CultureInfo.InvariantCulture),
            _ when target == typeof(decimal) => Convert.ToDecimal(raw, CultureInfo.InvariantCulture),
            _ when target == typeof(Guid) => raw is byte[] bytes ? new Guid(bytes) : Guid.Parse(Convert.ToString(raw, CultureInfo.InvariantCulture)!),
            _ when target == typeof(DateOnly) => raw switch
            {
                DateTime dateTime => DateOnly.FromDateTime(dateTime),
                _ => DateOnly.ParseExact(Convert.ToString(raw, CultureInfo.InvariantCulture)!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            _ when target == typeof(DateTimeOffset) => raw switch
            {
                DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
                _ => DateTimeOffset.Parse(Convert.ToString(raw, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            },
            _ => throw new NotSupportedException($"No conversion from a stored {raw.GetType().Name} to {target.Name}."),
        };
    }

    private static Enum ParseCode(Type enumType, string code) =>
        Enum.GetValues(enumType).Cast<Enum>().FirstOrDefault(v => KebabCode.FromPascalCase(v.ToString()) == code)
        ?? throw new FormatException($"'{code}' is not a {enumType.Name} code.");
}

/// <summary><c>InvestigatingAuthority</c> → <c>investigating_authority</c>.</summary>
public static class SnakeCase
{
    public static string Of(string name) => KebabCode.FromPascalCase(name).Replace('-', '_');
}
