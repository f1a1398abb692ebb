import ArgumentParser
import Foundation
import Logging

/// `robin-report`: Robin Analytics exports in, a hybrid-work report out.
@main
struct RobinReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "robin-report",
        abstract: "Turn Robin's Analytics API exports into a hybrid-work report for leadership.",
        discussion: """
            Exit codes: 0 success; 1 runtime failure (API, I/O); 2 usage or configuration error; \
            3 bad input data.
            """,
        version: "0.1.0",
        subcommands: [ReportCommand.self, FetchCommand.self, MetricsCommand.self, EmailCommand.self, PublishCommand.self,
                      DemoCommand.self, SimulateCommand.self]
    )

    /// Runs the command and maps every failure to one line on stderr and the
    /// exit codes of PRODUCT.md.
    static func main() async {
        LoggingSystem.bootstrap { label in ConsoleLogHandler(label: label) }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if let failure = error as? Failure ?? Failure(stageError: error) {
                FileHandle.standardError.write(Data("robin-report: \(failure.message)\n".utf8))
                Foundation.exit(failure.exitCode)
            }
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
