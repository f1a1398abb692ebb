import RobinModel

/// A failure found by a command itself (a missing setting, a flag that cannot
/// be used), with its exit code. Every stage's own errors say their exit code
/// through `StageError`; `RobinReport.main` shows them all the same way.
struct Failure: StageError {
    var message: String
    var exitStatus: ExitStatus

    static func runtime(_ message: String) -> Failure { Failure(message: message, exitStatus: .runtime) }
    static func usage(_ message: String) -> Failure { Failure(message: message, exitStatus: .usage) }
    static func badInput(_ message: String) -> Failure { Failure(message: message, exitStatus: .badInput) }

    var description: String { message }
}
