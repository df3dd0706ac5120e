using System.Net;
using Mla.Api.Infrastructure.Data;
using Mla.Domain.Lifecycle;

namespace Mla.Api.Tests.Features.Requests;

public sealed class GetRequestTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task GetRequest_ThirdStateUsers_Returns404()
    {
        var (_, transmitted) = await TransmittedMlaAsync();

        foreach (var username in new[] { "ner.ca", "ner.fp", "ner.pros" })
        {
            using var client = await CreateClientAsAsync(username);
            Assert.That((await client.GetAsync($"/api/requests/{transmitted.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), username);
            Assert.That((await client.GetAsync($"/api/requests/{transmitted.Id}/timeline")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), username);
        }
    }

    [Test]
    public async Task GetRequest_UnknownId_Returns404LikeAnInvisibleOne()
    {
        using var client = await CreateClientAsAsync("mli.ca");

        var response = await client.GetAsync($"/api/requests/{Guid.NewGuid()}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("sjcp.sec")]
    [TestCase("admin")]
    public async Task GetRequest_SecretariatOrAdmin_NeverSeesTheCase(string username)
    {
        var (_, transmitted) = await TransmittedMlaAsync();
        using var client = await CreateClientAsAsync(username);

        var response = await client.GetAsync($"/api/requests/{transmitted.Id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("Test Person"));
    }

    [Test]
    public async Task GetRequest_Visible_ReturnsETagEqualToVersionAndTheCallersActions()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();

        var response = await mali.GetAsync($"/api/requests/{transmitted.Id}");
        var request = await ReadRequestAsync(response);

        Assert.That(ETagOf(response), Is.EqualTo($"\"{request.Version}\""));
        Assert.That(request.AllowedActions, Is.EqualTo(new[] { RequestAction.Withdraw, RequestAction.AddAnnex, RequestAction.AddNote }));
    }
}
