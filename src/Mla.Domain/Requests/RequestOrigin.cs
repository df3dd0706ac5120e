namespace Mla.Domain.Requests;

/// <summary>How a request came into Mla. It never changes, and it decides who may act for the requesting State.</summary>
public enum RequestOrigin
{
    /// <summary>Drafted by the requesting central authority and transmitted through Mla.</summary>
    Drafted,

    /// <summary>
    /// Sent outside Mla (post, diplomatic bag, a State that does not use Mla) and registered by the
    /// requested central authority on receipt. The requesting State did not send it through Mla, so it
    /// follows it (reads it, adds notes) but does not act on it; its formal acts (more information,
    /// withdrawal) reach the requested State outside Mla too, and the requested central authority
    /// records them.
    /// </summary>
    Registered,
}
