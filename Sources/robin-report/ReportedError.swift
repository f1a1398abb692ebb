import RobinFetch

/// An error a command reports as one line on stderr with its own exit code
/// (1 runtime failure, 2 usage or configuration, 3 bad input data).
protocol ReportedError: Error, CustomStringConvertible {
    var exitCode: Int32 { get }
}

extension FetchError: ReportedError {
    var exitCode: Int32 { isConfigurationError ? 2 : 1 }
}
