import ArgumentParser
import Foundation
import Logging
import RobinModel

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
                      DemoCommand.self, SimulateCommand.self, InitCommand.self]
    )

    /// Runs the command and maps every failure to one line on stderr and the
    /// exit codes of the README ("Exit codes").
    static func main() async {
        LoggingSystem.bootstrap { label in ConsoleLogHandler(label: label) }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as any StageError {
            fail(error.description, status: error.exitStatus)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                fail(fullMessage(for: error).trimmingCharacters(in: .newlines), status: .usage, prefix: false)
            }
            if code == .success || error is CleanExit || error is ExitCode {
                exit(withError: error)
            }
            fail(String(describing: error), status: .runtime)
        }
    }

    /// Prints `message` on stderr with its control characters escaped
    /// (MessageText) and exits with `status`: one line after `robin-report: `,
    /// or, for argument-parser's usage text, its own lines.
    static func fail(_ message: String, status: ExitStatus, prefix: Bool = true) -> Never {
        let text = prefix
            ? "robin-report: " + MessageText.escaped(message)
            : message.split(separator: "\n", omittingEmptySubsequences: false).map { MessageText.escaped(String($0)) }
                .joined(separator: "\n")
        FileHandle.standardError.write(Data((text + "\n").utf8))
        Foundation.exit(status.rawValue)
    }
}
