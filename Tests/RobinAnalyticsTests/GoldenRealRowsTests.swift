import Foundation
import Synchronization
import Testing
import RobinAnalytics
import RobinConfig
import RobinExports
import RobinModel
import RobinTestSupport

/// Hand-written rows shaped like Robin's real exports (Fixtures/real: the UI
/// event export's `Level`, upper-case and `_` statuses, composite event ids
/// repeated across files, all-day events including a Saturday one, empty
/// buildings and floors, `Work Area`, out-of-range numbers) against their
/// golden metrics.json. scripts/crosscheck.sh checks the same files against the
/// independent Python implementation, scripts/reference_metrics.py.
@Suite("Golden real rows")
struct GoldenRealRowsTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/real")

    @Test("metrics.json of the real-rows fixture matches its golden file, with a warning per bad file")
    func golden() async throws {
        let settings = try ConfigLoader.load(path: Self.folder.appendingPathComponent("robin-report.toml").path)
        let warnings = WarningLog()
        let exports = try await Exports.read(desks: GoldenWeekTests.files("desks", in: Self.folder),
                                             spaces: GoldenWeekTests.files("spaces", in: Self.folder),
                                             warn: { warnings.append($0) })
        #expect(exports.events.stats.duplicates == 1, "207480119_20261116T150000Z is in both files")
        #expect(warnings.lines.count == 4)
        #expect(warnings.lines.contains { $0.hasSuffix("spaces/2026-11-17.csv:7: column \"Minute Duration\": \"1e300\" is out of range, taken as empty") })
        let period = Period(from: LocalDate("2026-11-16")!, to: LocalDate("2026-11-22")!)!
        let metrics = try Analyzer(settings: settings).metrics(desks: exports.desks, events: exports.events, period: period)
        #expect(metrics.rooms.total.allDay == 3)
        if let problem = await Golden.mismatch(metrics.json, name: "real/metrics.json") {
            Issue.record(Comment(rawValue: problem))
        }
    }
}

/// Warnings collected from the readers (which run on two tasks).
private final class WarningLog: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var lines: [String] { storage.withLock { $0 } }
}
