import RobinModel

/// Who commits a published report when git has no identity of its own
/// (a fresh CI runner, a service account): `--author "Name <email>"`, by
/// default `robin-report <robin-report@localhost>`.
public struct GitAuthor: Sendable, Equatable {
    /// The author's name.
    public var name: String
    /// The author's email address.
    public var email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }

    /// Parses `Name <email>`; nil when it is not that.
    public init?(_ text: String) {
        guard let address = EmailAddress(text), let name = address.name else { return nil }
        self.init(name: name, email: address.address)
    }

    /// `robin-report <robin-report@localhost>`.
    public static let fallback = GitAuthor(name: "robin-report", email: "robin-report@localhost")

    /// `Name <email>`.
    public var text: String { "\(name) <\(email)>" }
}
