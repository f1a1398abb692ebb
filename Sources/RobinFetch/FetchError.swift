import RobinModel

/// Everything that can stop a fetch, as one line that names what failed and
/// where: the export (kind and day), the HTTP status with Robin's message, or
/// the file.
///
/// Never contains the API token: server text is redacted before it is kept.
public struct FetchError: StageError, Sendable {
    enum Category: Sendable {
        /// A bad flag, configuration or missing token (exit code 2).
        case configuration
        /// Robin refused the request (400, 401, 403, other 4xx).
        case api
        /// Retries ran out on 5xx, timeouts or broken connections.
        case transient
        /// An export was not ready before its deadline.
        case deadline
        /// The cache could not be read, written or locked.
        case io
    }

    let category: Category

    /// The one-line message.
    public let description: String

    /// The HTTP status that caused the error, when there was one.
    public let httpStatus: Int?

    init(_ category: Category, _ message: String, httpStatus: Int? = nil) {
        self.category = category
        self.description = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        self.httpStatus = httpStatus
    }

    /// True for usage and configuration problems (exit code 2); false for
    /// runtime failures of the API or the file system (exit code 1).
    public var isConfigurationError: Bool { category == .configuration }

    public var exitStatus: ExitStatus { isConfigurationError ? .usage : .runtime }

    static func configuration(_ message: String) -> FetchError {
        FetchError(.configuration, message)
    }

    static func io(_ path: String, _ reason: String) -> FetchError {
        FetchError(.io, "\(path): \(reason)")
    }
}
