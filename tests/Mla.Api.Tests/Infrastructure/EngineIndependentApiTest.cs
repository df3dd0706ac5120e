using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>
/// Base of the functional tests whose outcome cannot depend on the database engine (the OpenAPI document,
/// problem responses to input that never reaches a handler): the fixture runs once, on SQLite, instead of
/// once per engine. A test that reads or writes case data or reference data belongs to <see cref="ApiTest"/>.
/// </summary>
public abstract class EngineIndependentApiTest() : ApiTestBase(DatabaseEngine.Sqlite);
