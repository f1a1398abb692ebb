import Testing
import RobinTestSupport

/// Snapshots of --help keep the command line (a contract, PRODUCT.md) honest.
@Suite("help")
struct HelpTests {
    @Test("--help of each command matches its golden file", arguments: [
        [], ["metrics"], ["email"], ["publish"],
    ])
    func help(command: [String]) async throws {
        let result = try await CommandRunner().run(command + ["--help"], environment: ["COLUMNS": "100"])
        #expect(result.status == 0)
        let name = (["robin-report"] + command).joined(separator: "-") + ".help.txt"
        if let problem = await Golden.mismatch(result.stdout, name: name) { Issue.record(Comment(rawValue: problem)) }
    }
}
