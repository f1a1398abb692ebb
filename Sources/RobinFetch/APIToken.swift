import Foundation

/// Robin's API token, sent as `Authorization: Access-Token <token>`.
///
/// Every textual form of this value (`description`, `debugDescription`,
/// reflection, string interpolation) is redacted, so a token that reaches a
/// log line, an error or a dump by mistake still does not leak.
public struct APIToken: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The environment variable the token is read from.
    public static let environmentVariable = "ROBIN_API_TOKEN"

    private let secret: String

    /// A token from its text; surrounding whitespace and newlines are dropped.
    /// nil when nothing is left.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !trimmed.contains(where: { $0.isNewline }) else { return nil }
        self.secret = trimmed
    }

    /// The token from `tokenFile` when given, else from `ROBIN_API_TOKEN`.
    /// Throws a configuration error (never quoting the file's content) when
    /// neither yields a token.
    public static func load(
        tokenFile: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(FetchError) -> APIToken {
        if let tokenFile {
            guard let data = FileManager.default.contents(atPath: tokenFile) else {
                throw FetchError.configuration("--token-file \(tokenFile): cannot be read")
            }
            guard let token = APIToken(String(decoding: data, as: UTF8.self)) else {
                throw FetchError.configuration("--token-file \(tokenFile): holds no token (empty, or more than one line)")
            }
            return token
        }
        guard let value = environment[environmentVariable], let token = APIToken(value) else {
            throw FetchError.configuration(
                "no API token: set \(environmentVariable) or pass --token-file FILE"
            )
        }
        return token
    }

    /// The header value Robin expects. Only the HTTP client reads it.
    var authorizationHeader: String { "Access-Token \(secret)" }

    /// Replaces every occurrence of the token in `text` (say, a server's
    /// message echoing a header) so it can be shown.
    func redact(_ text: String) -> String {
        text.replacingOccurrences(of: secret, with: "<redacted token>")
    }

    public var description: String { "<redacted token>" }
    public var debugDescription: String { "<redacted token>" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
