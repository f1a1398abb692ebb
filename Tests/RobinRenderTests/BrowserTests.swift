import Foundation
import Testing
import RobinModel
import RobinTestSupport
@testable import RobinRender

/// A real browser reads the report: headless Chromium loads report.html and
/// dumps the DOM it built (Debian's `chromium`, installed by `make test`).
@Suite("Browser")
struct BrowserTests {
    static func chromium() -> String? {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        where FileManager.default.isExecutableFile(atPath: path) { return path }
        return nil
    }

    @Test("Chromium's DOM of report.html holds the KPI values and the table cells")
    func dom() async throws {
        guard let chromium = Self.chromium() else {
            Issue.record("chromium is not installed (make test installs it: apt-get install chromium)")
            return
        }
        let input = try await ReportFixture.week()
        let report = try ReportRenderer(templates: .builtIn()).render(input)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("robin-browser-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let reportFolder = try ReportWriter(outputDirectory: folder).write(report)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--user-data-dir=\(folder)/profile", "--dump-dom", "file://\(reportFolder)/report.html"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let dom = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(dom.contains("<h1>Workplace report: Week 47, 2026</h1>"))
        let total = input.metrics.desks.total
        // KPI rows as the browser built them: name, then this period's value.
        #expect(dom.contains("People in the office</th>\n<td data-label=\"This period\" role=\"cell\" style=\"text-align: right\">\(total.people)</td>"),
                "KPI row missing")
        #expect(dom.contains(Figures.percent(total.deskUtilization)))
        #expect(dom.contains(Figures.percent(input.metrics.rooms.total.utilization)))
        for building in input.metrics.desks.byBuilding.compactMap({ $0.key["building"] }) {
            #expect(dom.contains(">\(building)</th>") || dom.contains(">\(building)</td>"), "\(building) cell missing")
        }
        #expect(dom.contains("<img src=\"charts/daily-attendance.svg\""))
        #expect(!dom.contains("<script"))
    }
}
