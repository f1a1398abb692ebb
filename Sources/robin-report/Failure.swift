import RobinAnalytics
import RobinConfig
import RobinDeliver
import RobinExports

/// A failure with its exit code (PRODUCT.md): 1 runtime (API, I/O), 2 usage or
/// configuration, 3 bad input data.
struct Failure: Error {
    var message: String
    var exitCode: Int32

    static func runtime(_ message: String) -> Failure { Failure(message: message, exitCode: 1) }
    static func usage(_ message: String) -> Failure { Failure(message: message, exitCode: 2) }
    static func badInput(_ message: String) -> Failure { Failure(message: message, exitCode: 3) }

    /// The failure for an error of one of the stages.
    init(_ error: any Error) {
        switch error {
        case let error as Failure: self = error
        case let error as CSVError:
            switch error.problem {
            case .cannotOpen, .readFailed: self = .runtime(error.description)
            default: self = .badInput(error.description)
            }
        case let error as ConfigError: self = .usage(error.description)
        case let error as AnalysisError: self = .usage(error.description)
        case let error as DeliveryError:
            switch error.kind {
            case .runtime: self = .runtime(error.description)
            case .usage: self = .usage(error.description)
            case .badReport: self = .badInput(error.description)
            }
        default: self = .runtime(String(describing: error))
        }
    }

    private init(message: String, exitCode: Int32) {
        self.message = message
        self.exitCode = exitCode
    }
}
