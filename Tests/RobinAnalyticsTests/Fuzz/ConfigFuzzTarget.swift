import Foundation
import RobinAnalytics
import RobinConfig
import RobinExports
import RobinModel

/// The `config` fuzz target: one input as robin-report.toml through
/// `ConfigLoader.parse` (TOMLKit's C++ parser, then every key's checks), and
/// the settings it gives through the analytics of the real-rows fixture, so a
/// hostile value that passes the checks (an inventory, business hours, a
/// workweek) is exercised where it is used.
enum ConfigFuzzTarget {
    /// The real-rows fixture's exports (`Fixtures/real`), read once.
    static let tables: (desks: DeskTable, events: EventTable) = {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/real").path
        let files = { (kind: String) in
            ["2026-11-17.csv", "2026-11-21.csv"].map { "\(fixtures)/\(kind)/\($0)" }
        }
        do {
            return (try DeskExportReader.read(files: files("desks")), try EventExportReader.read(files: files("spaces")))
        } catch {
            fatalError("the config fuzz target needs the real-rows fixture: \(error)")
        }
    }()

    /// Parses `input` (as UTF-8, invalid bytes replaced) and analyzes the fixture
    /// with the settings; returns the problems found (none when the input was
    /// read or refused cleanly).
    static func run(_ input: [UInt8]) -> [String] {
        let settings: Settings
        do {
            settings = try ConfigLoader.parse(String(decoding: input, as: UTF8.self), file: "robin-report.toml")
        } catch {
            var problems = FuzzChecks.check(error, expected: .usage, what: "config")
            if !error.description.hasPrefix("robin-report.toml") {
                problems.append("config: the message does not name the file: \(error)")
            }
            return problems
        }
        return FuzzChecks.analyze(desks: tables.desks, events: tables.events, settings: settings)
    }
}
