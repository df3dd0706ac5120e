using System.Net;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure;

public sealed class HealthTests(DatabaseEngine engine) : ApiTest(engine)
{
    [Test]
    public async Task Live_AnyTime_Answers200WithoutAToken()
    {
        using var client = CreateClient();

        var response = await client.GetAsync("/health/live");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Ready_DatabaseMigratedAndSeeded_Answers200Healthy()
    {
        using var client = CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }
}
