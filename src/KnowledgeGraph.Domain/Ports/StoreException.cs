namespace KnowledgeGraph.Domain.Ports;

/// <summary>
/// A store failed in a way a client should hear about: unreachable, refused our credentials,
/// or rejected a statement. <see cref="Code"/> is what the API reports in <c>extensions.code</c>;
/// the message never carries database internals.
/// </summary>
public sealed class StoreException : Exception
{
    /// <summary>The store cannot be reached (after retries).</summary>
    public const string Unavailable = "STORE_UNAVAILABLE";

    /// <summary>The store refused the configured credentials.</summary>
    public const string AuthFailed = "STORE_AUTH_FAILED";

    /// <summary>The store did not answer in time.</summary>
    public const string Timeout = "STORE_TIMEOUT";

    /// <summary>The store answered with an error it does not expect a retry to fix.</summary>
    public const string Failed = "STORE_ERROR";

    /// <summary>Creates the exception.</summary>
    public StoreException(string code, string message, Exception? innerException = null)
        : base(message, innerException) => Code = code;

    /// <summary>Creates an exception with the generic code.</summary>
    public StoreException()
        : this(Failed, "The store failed.")
    {
    }

    /// <summary>Creates an exception with the generic code.</summary>
    public StoreException(string message)
        : this(Failed, message)
    {
    }

    /// <summary>Creates an exception with the generic code.</summary>
    public StoreException(string message, Exception innerException)
        : this(Failed, message, innerException)
    {
    }

    /// <summary>One of the constants of this class.</summary>
    public string Code { get; }
}
