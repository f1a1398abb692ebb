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
        let scratch = try TemporaryFolder("robin-browser")
        defer { scratch.remove() }
        let folder = scratch.path
        let reportFolder = try ReportFolderWriter(outputDirectory: folder).write(report)
        let chrome = try await TestProcess.run(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--user-data-dir=\(folder)/profile", "--dump-dom", "file://\(reportFolder)/report.html"])
        let dom = chrome.stdout
        #expect(chrome.status == 0)
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

    /// What scripts/phone_layout.py measures.
    struct PhoneLayout: Decodable {
        struct Size: Decodable {
            var scrollWidth: Double
            var clientWidth: Double
        }
        struct Headline: Decodable {
            struct Sparkline: Decodable {
                var label: String?
                var width: Double
                var right: Double
            }
            var found: Bool
            var className: String?
            var scrollWidth: Double?
            var clientWidth: Double?
            var cells: [String]?
            var rightmost: Double?
            var labels: [String]?
            var sparklines: [Sparkline]?
        }
        struct Wide: Decodable {
            var caption: String
            var scrollWidth: Double
            var clientWidth: Double
            var overflowX: String
            var cue: Bool
        }
        var viewport: Double
        var page: Size
        var headline: Headline
        var wide: [Wide]
    }

    @Test("on a 375 px phone (Chromium, chromedriver, Selenium) the headline figures need no sideways scroll; wide tables scroll with a cue")
    func phone() async throws {
        try await ExternalTool.requireSelenium()
        let input = try await ReportFixture.weekWithHistory(people: HeadlineTrendTests.people)
        let output = try TemporaryFolder("robin-phone")
        defer { output.remove() }
        let folder = try ReportFolderWriter(outputDirectory: output.path).write(try ReportRenderer(templates: .builtIn()).render(input))
        let layout = try await ExternalTool.python("phone_layout.py", [folder + "/report.html", "375"], as: PhoneLayout.self)

        #expect(layout.viewport == 375)
        #expect(layout.page.scrollWidth <= layout.page.clientWidth, "the page itself scrolls sideways")
        let headline = layout.headline
        #expect(headline.found && headline.className == "table-wrap cards")
        #expect((headline.scrollWidth ?? .infinity) <= (headline.clientWidth ?? 0),
                "the headline block scrolls: \(headline.scrollWidth ?? 0) > \(headline.clientWidth ?? 0)")
        #expect((headline.rightmost ?? .infinity) <= layout.viewport)
        // Every measure's name, value, previous value and change is on screen, each value after its column's name.
        let document = try MetricsDocument(input.metrics)
        for measure in Measure.headline {
            for text in [measure.label, measure.textWithNote(in: document), measure.text(in: document.previous),
                         measure.change(from: document.previous, to: document)?.text ?? Figures.missing] {
                #expect(headline.cells?.contains(text) == true, "\(text) is not a cell of the headline block")
            }
        }
        #expect(headline.labels?.prefix(4) == ["\"This period\"", "\"Previous\"", "\"Change\"", "\"Trend\""])
        let sparklines = headline.sparklines ?? []
        #expect(sparklines.count == Measure.headline.count)
        #expect(sparklines.first?.label == "People in the office: 283 to 290 over 8 weeks, latest 284")
        #expect(sparklines.allSatisfy { $0.width > 0 && $0.right <= layout.viewport })
        // The other wide tables scroll in their wrapper, which paints the scroll shadow.
        #expect(layout.wide.contains { $0.caption == "Desks and rooms by building" })
        for table in layout.wide {
            #expect(table.overflowX == "auto" && table.cue, "\(table.caption) scrolls without a cue")
        }
    }
}
