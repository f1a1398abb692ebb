import Foundation
import Testing
import RobinAnalytics
import RobinConfig
import RobinExports
import RobinModel
import RobinTestSupport

/// A realistic week from the synthetic organisation (robin-synth --seed 7
/// --people 60 --overlap-hours 6: three buildings in three time zones, daily
/// files that overlap by six hours on each side) against its golden
/// metrics.json. The golden file was checked against the independent Python
/// implementation, scripts/reference_metrics.py.
@Suite("Golden week")
struct GoldenWeekTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/week")

    static func files(_ kind: String, in folder: URL = folder) throws -> [String] {
        let directory = folder.appendingPathComponent(kind)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            .map { directory.appendingPathComponent($0).path }
    }

    @Test("metrics.json of the fixture week matches its golden file")
    func golden() async throws {
        let settings = try ConfigLoader.load(path: Self.folder.appendingPathComponent("robin-report.toml").path)
        let exports = try await Exports.read(desks: Self.files("desks"), spaces: Self.files("spaces"))
        #expect(exports.desks.stats.duplicates > 0, "the overlapping daily files share rows")
        let period = Period(from: LocalDate("2026-11-16")!, to: LocalDate("2026-11-22")!)!
        let metrics = try Analyzer(settings: settings).metrics(desks: exports.desks, events: exports.events, period: period)
        if let problem = await Golden.mismatch(metrics.json, name: "week/metrics.json") {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test("no name, email or title from the exports reaches metrics.json")
    func privacy() async throws {
        let settings = try ConfigLoader.load(path: Self.folder.appendingPathComponent("robin-report.toml").path)
        let desks = try Self.files("desks"), spaces = try Self.files("spaces")
        let exports = try await Exports.read(desks: desks, spaces: spaces)
        let period = Period(from: LocalDate("2026-11-16")!, to: LocalDate("2026-11-22")!)!
        let json = try Analyzer(settings: settings).metrics(desks: exports.desks, events: exports.events, period: period).json
        var private_: Set<String> = []
        for (files, columns) in [(desks, ["Creator Name", "Creator Email", "Assignee Name", "Assignee Email"]),
                                 (spaces, ["Title", "Creator Robin Name", "Creator Robin Email", "Host Robin Name",
                                           "Host Robin Email", "Created By Email", "Hosting Calendar Email"])] {
            for file in files {
                let reader = try CSVReader(path: file)
                guard let header = try reader.nextRecord() else { continue }
                let names = (0..<header.count).map { header.string($0) }
                let positions = columns.compactMap { names.firstIndex(of: $0) }
                while let record = try reader.nextRecord() {
                    for position in positions where record.rawBytes(position).count >= 4 {
                        private_.insert(record.string(position))
                    }
                }
            }
        }
        #expect(private_.count > 50)
        let leaked = private_.filter { json.contains("\"\($0)\"") }
        #expect(leaked.isEmpty, "\(leaked.prefix(5))")
    }
}
