namespace Mla.Api.Tests.Infrastructure;

/// <summary>Reads role, State and network from a test username ("mli.ca", "sen.fp", "sjcp.sec", "admin").</summary>
public static class TestUsers
{
    public static (string Role, string? State, string? Network) Describe(string username)
    {
        if (username.StartsWith("admin", StringComparison.Ordinal))
        {
            return ("admin", null, null);
        }

        var parts = username.Split('.');
        var prefix = parts[0];
        var suffix = parts.Length > 1 ? parts[1] : throw new ArgumentException($"Test username {username} must look like mli.ca.", nameof(username));
        return suffix switch
        {
            // "mli.ca2" is a second central-authority user of Mali, and so on.
            _ when suffix.StartsWith("ca", StringComparison.Ordinal) => ("central-authority", prefix.ToUpperInvariant(), null),
            _ when suffix.StartsWith("fp", StringComparison.Ordinal) => ("focal-point", prefix.ToUpperInvariant(), null),
            _ when suffix.StartsWith("pros", StringComparison.Ordinal) => ("prosecutor", prefix.ToUpperInvariant(), null),
            "sec" => ("secretariat", null, prefix),
            _ => throw new ArgumentException($"Unknown role suffix in test username {username}.", nameof(username)),
        };
    }
}
