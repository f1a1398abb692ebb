import RobinAnalytics
import RobinConfig
import RobinDeliver
import RobinExports
import RobinFetch
import RobinMarkdown
import RobinModel
import RobinPipeline
import RobinRender

/// A failure with its exit code (PRODUCT.md): 1 runtime (API, I/O), 2 usage or
/// configuration, 3 bad input data.
struct Failure: Error {
    var message: String
    var exitCode: Int32

    static func runtime(_ message: String) -> Failure { Failure(message: message, exitCode: 1) }
    static func usage(_ message: String) -> Failure { Failure(message: message, exitCode: 2) }
    static func badInput(_ message: String) -> Failure { Failure(message: message, exitCode: 3) }

    /// The failure for an error of one of the stages; any other error is a runtime failure.
    init(_ error: any Error) {
        self = error as? Failure ?? Failure(stageError: error) ?? .runtime(String(describing: error))
    }

    /// The failure for an error of one of the stages, nil for any other error.
    init?(stageError error: any Error) {
        switch error {
        case let error as CSVError:
            switch error.problem {
            case .cannotOpen, .readFailed: self = .runtime(error.description)
            default: self = .badInput(error.description)
            }
        case let error as ConfigError: self = .usage(error.description)
        case let error as AnalysisError: self = .usage(error.description)
        case let error as FetchError: self = Failure(message: error.description, exitCode: error.isConfigurationError ? 2 : 1)
        case let error as TemplateError: self = .usage(error.description)
        case let error as AtomicFile.Failure: self = .runtime("cannot write \(error.description)")
        case let error as PipelineError: self = .runtime(error.description)
        case let error as MarkdownError: self = .runtime(error.description)
        case let error as DeliveryError:
            switch error.kind {
            case .runtime: self = .runtime(error.description)
            case .usage: self = .usage(error.description)
            case .badReport: self = .badInput(error.description)
            }
        default: return nil
        }
    }

    private init(message: String, exitCode: Int32) {
        self.message = message
        self.exitCode = exitCode
    }
}
