import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension RobinReport {
    /// Runs the command and maps failures to the documented exit codes:
    /// 0 success, 1 runtime failure, 2 usage or configuration error (where
    /// ArgumentParser would use 64), 3 bad input data.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as any ReportedError {
            FileHandle.standardError.write(Data("robin-report: error: \(error)\n".utf8))
            terminate(error.exitCode)
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                terminate(2)
            }
            exit(withError: error)
        }
    }

    private static func terminate(_ code: Int32) -> Never {
        #if canImport(Glibc)
        Glibc.exit(code)
        #else
        Darwin.exit(code)
        #endif
    }
}
