import Testing
import RobinTestSupport

/// Snapshots of --help keep the command line (a contract: the README's commands) honest.
@Suite("help")
struct HelpTests {
    @Test("--help of each command matches its golden file", arguments: [
        [], ["report"], ["fetch"], ["metrics"], ["email"], ["publish"], ["init"], ["demo"], ["simulate"],
    ])
    func help(command: [String]) async throws {
        // Every command has a snapshot: a new one cannot slip in without its help being looked at.
        let commands = try await CommandRunner().run(["--help"], environment: ["COLUMNS": "100"]).stdout
        // A subcommand's line starts with two spaces and its name; its description's next lines are indented further.
        let listed = (commands.components(separatedBy: "SUBCOMMANDS:").last ?? "").split(separator: "\n")
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") && !$0.contains("See 'robin-report help") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(Set(listed) == ["report", "fetch", "metrics", "email", "publish", "init", "demo", "simulate"])
        let result = try await CommandRunner().run(command + ["--help"], environment: ["COLUMNS": "100"])
        #expect(result.status == 0)
        let name = (["robin-report"] + command).joined(separator: "-") + ".help.txt"
        if let problem = await Golden.mismatch(result.stdout, name: name) { Issue.record(Comment(rawValue: problem)) }
    }
}
