using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Mla.Api.Infrastructure.Audit;
using Mla.Api.Infrastructure.Data;
using Mla.Domain.Access;
using Mla.Domain.Requests;

namespace Mla.Api.Tests.Infrastructure.Audit;

/// <summary>An audit entry's details read like the API's own JSON, as the timeline's payloads do.</summary>
public sealed class AuditTrailTests(DatabaseEngine engine) : ApiTest(engine)
{
    [Test]
    public async Task RecordAsync_DetailsHoldingCodes_WrittenCamelCaseWithKebabCaseCodes()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            await audit.RecordAsync("change-role", "user", "mli.ca",
                new { Role = Role.CentralAuthority, RequestKind = RequestKind.ProvisionalArrest, State = "MLI" }, CancellationToken.None);
        }

        await using var connection = await OpenConnectionAsync();
        var details = await connection.ExecuteScalarAsync<string>("SELECT details FROM audit_entries WHERE action_code = 'change-role'");
        Assert.That(details, Is.EqualTo("""{"role":"central-authority","requestKind":"provisional-arrest","state":"MLI"}"""));
    }
}
