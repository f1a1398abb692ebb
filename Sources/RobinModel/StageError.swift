/// The exit codes of the command line: 1 runtime failure (API, I/O), 2 usage
/// or configuration error, 3 bad input data. 0 (success) is not a failure.
public enum ExitStatus: Int32, Sendable, Equatable {
    /// An API, network or file-system failure (exit code 1).
    case runtime = 1
    /// A bad flag, configuration key or value (exit code 2).
    case usage = 2
    /// Malformed input data: a CSV, a metrics.json (exit code 3).
    case badInput = 3
}

/// An error of one pipeline stage that says its own exit code, so no central
/// switch has to know every stage's error type (as Hummingbird's
/// `HTTPResponseError` says its own status). Its `description` is the one line
/// shown to the user: what was wrong and where.
public protocol StageError: Error, CustomStringConvertible {
    /// The exit code this error ends the command with.
    var exitStatus: ExitStatus { get }
}

extension AtomicFile.Failure: StageError {
    public var exitStatus: ExitStatus { .runtime }
}
