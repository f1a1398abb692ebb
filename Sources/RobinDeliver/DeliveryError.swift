import RobinModel

/// A problem delivering a report (email or publish): one line naming what was
/// wrong and where (the file, the repository, the server), never a credential.
public struct DeliveryError: StageError, Sendable, Equatable {
    /// What kind of problem, which decides the exit code.
    public enum Kind: Sendable, Equatable {
        /// The report folder is missing a file or holds malformed data (exit 3).
        case badReport
        /// A flag, an address or a setting cannot be used (exit 2).
        case usage
        /// Sending, running git or writing files failed (exit 1).
        case runtime
    }

    /// Which kind of problem (the exit code).
    public var kind: Kind
    /// The one line shown: what was wrong and where.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    public var exitStatus: ExitStatus {
        switch kind {
        case .badReport: .badInput
        case .usage: .usage
        case .runtime: .runtime
        }
    }

    static func badReport(_ message: String) -> DeliveryError { DeliveryError(.badReport, message) }
    static func usage(_ message: String) -> DeliveryError { DeliveryError(.usage, message) }
    static func runtime(_ message: String) -> DeliveryError { DeliveryError(.runtime, message) }
}
