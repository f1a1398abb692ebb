import Foundation
import Synchronization

/// Python modules the tests drive real programs with (aiosmtpd, a real SMTP
/// server; selenium, a real browser): installed with pip when missing, as
/// `make test` does, so those tests run for real or fail, never skip.
public enum PythonModule {
    /// One check (and install) per module per test run, however many tests ask at once.
    private static let checks = Mutex<[String: Task<Void, any Error>]>([:])

    /// Makes sure `python3 -c "import <name>"` works, installing `name` with pip when it does not.
    public static func require(_ name: String) async throws {
        let check = checks.withLock { checks in
            if let check = checks[name] { return check }
            let check = Task<Void, any Error> {
                if (try? await TestProcess.output("python3", ["-c", "import \(name)"])) != nil { return }
                _ = try await TestProcess.output("python3", ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", name])
                _ = try await TestProcess.output("python3", ["-c", "import \(name)"])
            }
            checks[name] = check
            return check
        }
        try await check.value
    }
}
