import Foundation
import Testing
import RobinExports
import RobinModel
@testable import RobinRender

/// The report's opening ("At a glance") and its planning parts, as a reader gets
/// them: one plain sentence per insight, a line where there is nothing to say.
@Suite("At a glance")
struct OpeningTests {
    /// The lines of `markdown` under `### title`, up to the next heading, blank lines dropped.
    static func section(_ title: String, in markdown: String) -> [String] {
        let lines = markdown.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "### " + title) ?? lines.firstIndex(of: "## " + title) else { return [] }
        return lines[(start + 1)...].prefix { !$0.hasPrefix("#") }.filter { !$0.isEmpty }
    }

    @Test("each kind of insight is one sentence with its numbers and its baseline")
    func sentences() async throws {
        let input = try await ReportFixture.weekWithInsights()
        let text = InsightText(try MetricsDocument(input.metrics))
        #expect(text.sections.map(\.title) == ["What changed", "Targets", "Needs attention"])
        let plain = text.sections.map { $0.items.map(\.plain) }
        #expect(plain[0] == [
            "Sales came in less: 30.2 a day, down from 41.0 (−26%); its usual is 40.1.",
            "Desk use rose on Floor 2 at HQ New York: 52.0%, up from 44.0% (+8.0 pts).",
            "Room use fell at London: 21.0%, down from 30.0% (−9.0 pts); its usual is 28.0%.",
        ])
        #expect(plain[1].contains("Desk utilization came close to its target: 67.1% against 70.0%."))
        #expect(plain[1].contains("Desk utilization at HQ New York missed its target: 56.5% against 70.0%."))
        #expect(plain[1].contains("Desk check-in rate at London met its target: 83.6% against 80.0%."))
        #expect(plain[2].first == "Friday 20 November had 3 people in the office, under half the usual 9.5 for a Friday.")
        #expect(plain[2].contains("Singapore is close to running out of desks: its busiest day used 100.0% of its 8 desks (8 on Tue 17 Nov)."))
        #expect(plain[2].last == "London is 100.0% booked on Tuesday 24 November (9 bookings for 9 desks).")
        // report.md says exactly these, in this order, as bullets.
        let markdown = try ReportRenderer(templates: .builtIn()).render(input).markdown
        for (section, items) in zip(text.sections, plain) {
            #expect(Self.section(section.title, in: markdown) == items.map { "- " + $0 })
        }
        #expect(markdown.components(separatedBy: "\n## ")[1].hasPrefix("At a glance\n"), "the opening comes right after the summary")
    }

    @Test("a floor to consolidate, a nearly met target, days per person and a mover without a previous share")
    func otherWordings() throws {
        var document = MetricsDocument(period: Period(from: LocalDate("2026-11-16")!, to: LocalDate("2026-11-22")!)!)
        document.insights = try Self.entries("""
            {"kind": "mover", "measure": "avg_daily_people", "group": {"building": "HQ", "floor": "3"}, "value": 12, "previous": 0,
             "change": 12, "relative_change": null, "baseline": null},
            {"kind": "mover", "measure": "avg_daily_people", "group": {"building": "Oslo"}, "value": 60, "previous": 41,
             "change": 19, "relative_change": 0.4634, "baseline": 45.25},
            {"kind": "target", "measure": "avg_days_per_person", "group": {}, "value": 2.4, "target": 2.5, "status": "near"},
            {"kind": "low_day", "date": "2026-11-19", "people": 1, "usual": 12},
            {"kind": "capacity", "group": {"building": "HQ", "floor": "3"}, "status": "consolidate", "peak_occupancy": 0.25},
            {"kind": "someday", "value": 1}
            """)
        let text = InsightText(document)
        #expect(text.sections[0].items.map(\.plain) == [
            "3 at HQ had more people: 12.0 a day, up from 0.0.",
            "Oslo had more people: 60.0 a day, up from 41.0 (+46%); its usual is 45.3.",
        ])
        #expect(text.sections[1].items.map(\.plain) == ["Days in the office per person came close to its target: 2.4 days against 2.5 days."])
        // Without the capacity object, the sentence says what the insight holds; the unknown kind is skipped.
        #expect(text.sections[2].items.map(\.plain) == [
            "Thursday 19 November had 1 person in the office, under half the usual 12 for a Thursday.",
            "3 at HQ could be consolidated: even its busiest day used 25.0% of its desks.",
        ])
    }

    @Test("with nothing to say, each section says so in one line, and the week ahead missing is one line too")
    func nothingToSay() async throws {
        var input = try await ReportFixture.week()
        input.metrics.insights = []
        let markdown = try ReportRenderer(templates: .builtIn()).render(input).markdown
        #expect(Self.section("What changed", in: markdown) == ["No building, floor or department moved markedly since Week 46, 2026."])
        #expect(Self.section("Targets", in: markdown) == ["No targets to compare with this period."])
        #expect(Self.section("Needs attention", in: markdown)
            == ["Nothing needs attention: no unusually quiet workday, no building or floor to consolidate or short of desks."])
        #expect(Self.section("Booked ahead: 23–29 November 2026", in: markdown)
            == ["The desk bookings of these days were not at hand when this report was made."])

        // No previous period; the week ahead at hand and quiet.
        input.metrics.previous = nil
        input.metrics.forward = Forward(period: Period(from: LocalDate("2026-11-23")!, to: LocalDate("2026-11-29")!)!, byBuilding: [])
        let quiet = try ReportRenderer(templates: .builtIn()).render(input).markdown
        #expect(Self.section("What changed", in: quiet) == ["No previous period was at hand to compare with."])
        #expect(Self.section("Needs attention", in: quiet) == ["Nothing needs attention: no unusually quiet workday, no building "
            + "or floor to consolidate or short of desks, and no day ahead 90% booked."])
        #expect(Self.section("Booked ahead: 23–29 November 2026", in: quiet) == ["No desk bookings were found for these days."])
        // A metrics.json written before insights existed has no opening to lead an email with.
        var old = try MetricsDocument(input.metrics)
        old.insights = nil
        #expect(InsightText(old).sections.isEmpty)
    }

    @Test("the most notable item: the largest mover, else a missed target, a low day, a busy day, capacity, a near target; never a met one")
    func headline() throws {
        let all = try Self.entries("""
            {"kind": "target", "measure": "desk_utilization", "group": {}, "value": 0.8, "target": 0.7, "status": "met"},
            {"kind": "target", "measure": "room_utilization", "group": {}, "value": 0.2, "target": 0.3, "status": "near"},
            {"kind": "target", "measure": "policy_adherence", "group": {"building": "HQ"}, "value": 0.2, "target": 0.6, "status": "missed"},
            {"kind": "low_day", "date": "2026-11-19", "people": 2, "usual": 30},
            {"kind": "capacity", "group": {"building": "HQ"}, "status": "consolidate", "peak_occupancy": 0.3},
            {"kind": "capacity", "group": {"building": "Oslo"}, "status": "at_risk", "peak_occupancy": 0.95},
            {"kind": "busy_day", "group": {"building": "Oslo"}, "date": "2026-11-24", "booked_share": 0.92}
            """)
        let mover = try Self.entries("""
            {"kind": "mover", "measure": "desk_utilization", "group": {"department": "Ops"}, "value": 0.3, "previous": 0.5,
             "change": -0.2, "relative_change": -0.4, "baseline": null}
            """)
        var document = MetricsDocument(period: Period(from: LocalDate("2026-11-16")!, to: LocalDate("2026-11-22")!)!)
        var expected = [
            "Desk use fell for Ops: 30.0%, down from 50.0% (−20.0 pts).",
            "Policy adherence at HQ missed its target: 20.0% against 60.0%.",
            "Thursday 19 November had 2 people in the office, under half the usual 30 for a Thursday.",
            "Oslo is 92.0% booked on Tuesday 24 November.",
            "Oslo is close to running out of desks: its busiest day used 95.0% of its desks.",
            "HQ could be consolidated: even its busiest day used 30.0% of its desks.",
            "Room utilization came close to its target: 20.0% against 30.0%.",
        ]
        var entries = mover + all
        while !expected.isEmpty {
            document.insights = entries
            #expect(InsightText(document).headline.plain == expected.removeFirst())
            let first = InsightText.byNotability(entries).first
            entries.removeAll { $0 == first }
        }
        // Only a met target left: nothing stands out.
        #expect(entries.map(\.status) == ["met"])
        document.insights = entries
        #expect(InsightText(document).headline == InsightText.nothingStoodOut)
    }

    @Test("hostile names inside the sentences stay literal text in report.md, report.html and on GitHub")
    func hostileNames() async throws {
        var input = try await ReportFixture.weekWithInsights()
        let hostile = InjectionTests.hostile
        input.metrics.insights = hostile.enumerated().map { index, name in
            switch index % 3 {
            case 0: .mover(.init(measure: .avgDailyPeople, group: GroupKey([.init("department", name)]), value: 10, previous: 20, baseline: nil))
            case 1: .capacity(.init(group: GroupKey([.init("building", name), .init("floor", name)]), status: .consolidate, peakOccupancy: 0.2))
            default: .busyDay(.init(group: GroupKey([.init("building", name)]), date: LocalDate("2026-11-24")!, bookedShare: 0.95))
            }
        }
        let report = try ReportRenderer(templates: .builtIn()).render(input)
        let items = ["What changed", "Needs attention"].flatMap { Self.section($0, in: report.markdown) }
        #expect(items.count == hostile.count, "a name broke a bullet onto two lines")
        let sentences = InsightText(try MetricsDocument(input.metrics)).sections.flatMap(\.items)
        #expect(items == sentences.map { "- " + $0.markdown })

        for html in [report.html, try await GitHubRenderingTests.github(report.markdown)] {
            let opening = html.components(separatedBy: "At a glance</h2>")[1].components(separatedBy: "<h2")[0]
            #expect(opening.components(separatedBy: "<li>").count - 1 == hostile.count)
            for tag in ["<script", "<a ", "<b>", "<em>", "<strong>", "<code>", "<img", "<h1"] {
                #expect(!opening.contains(tag), "\(tag) from a name")
            }
            #expect(opening.contains("<li>&lt;script&gt;alert(1)&lt;/script&gt; came in less: 10.0 a day, down from 20.0 (−50%).</li>"))
            #expect(opening.contains("<li>*Sales* | _Ops_ is 95.0% booked on Tuesday 24 November.</li>"))
            #expect(opening.contains("<li>R&amp;D &lt;b&gt;bold&lt;/b&gt; is 95.0% booked on Tuesday 24 November"))
            #expect(opening.contains("<li>[x](javascript:alert(1)) at [x](javascript:alert(1)) could be consolidated"))
            #expect(opening.contains("<li>Line Break came in less"))
        }
    }

    @Test("the monthly template has the same opening and planning parts")
    func monthly() async throws {
        let week = try await ReportFixture.week()
        let exports = try await Exports.read(desks: ReportFixture.files(ReportFixture.weekFolder, "desks"),
                                             spaces: ReportFixture.files(ReportFixture.weekFolder, "spaces"))
        let month = try ReportFixture.input(exports, settings: week.settings, period: .month(year: 2026, month: 11)!)
        let markdown = try ReportRenderer(templates: .builtIn()).render(month).markdown
        #expect(markdown.hasPrefix("# Workplace report: November 2026\n"))
        let headings = markdown.components(separatedBy: "\n").filter { $0.hasPrefix("## ") || $0.hasPrefix("### ") }
        for heading in ["## At a glance", "### What changed", "### Targets", "### Needs attention", "## Desk capacity",
                        "## Booked ahead: 1–7 December 2026", "### Anchor days"] {
            #expect(headings.contains(heading), "\(heading) missing")
        }
        #expect(Self.section("What changed", in: markdown) == ["No building, floor or department moved markedly since October 2026."])
    }

    /// `insights` entries from JSON objects (without the surrounding brackets).
    static func entries(_ json: String) throws -> [MetricsDocument.Insight] {
        try JSONDecoder().decode([MetricsDocument.Insight].self, from: Data("[\(json)]".utf8))
    }
}

/// A busy week's many changes: the opening keeps the five largest, the rest
/// follow the figures, and the email counts them.
@Suite("At a glance: many changes")
struct ManyChangesTests {
    @Test("past five changes, the opening says how many more and the report lists them after the figures")
    func cappedOpening() async throws {
        var input = try await ReportFixture.weekWithInsights()
        let movers = (1...8).map { index in
            Insight.mover(.init(measure: .deskUtilization, group: GroupKey([.init("department", "Team \(index)")]),
                                value: 0.30 + 0.01 * Double(index), previous: 0.20, baseline: nil))
        }
        input.metrics.insights = movers.reversed() + input.metrics.insights.filter { $0.kind != .mover }
        let text = InsightText(try MetricsDocument(input.metrics))
        #expect(text.sections[0].items.count == InsightText.openingLimit)
        #expect(text.sections[0].more.count == 3)
        #expect(text.sections[0].items.first?.plain.hasPrefix("Desk use rose for Team 8:") == true)

        let markdown = try ReportRenderer(templates: .builtIn()).render(input).markdown
        let opening = OpeningTests.section("What changed", in: markdown)
        #expect(opening.count == 6)
        #expect(opening.last == "- …and 3 smaller changes, listed under \"More changes\" after the figures.")
        let more = OpeningTests.section("More changes", in: markdown).filter { $0.hasPrefix("- ") }
        #expect(more == text.sections[0].more.map { "- " + $0.plain })
        let figures = try #require(markdown.range(of: "## Headlines")), list = try #require(markdown.range(of: "## More changes"))
        #expect(figures.lowerBound < list.lowerBound)
    }
}
