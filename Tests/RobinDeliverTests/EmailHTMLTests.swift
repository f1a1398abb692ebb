import Foundation
import Testing
@testable import RobinDeliver
import RobinModel

@Suite("email HTML")
struct EmailHTMLTests {
    @Test("built for mail clients: tables and inline styles, no <style>, no SVG, no images, no classes")
    func mailClientSafe() throws {
        let html = EmailHTML(metrics: try Fixture.metrics(), title: "Workplace report - Week 47, 2026").html
        let lower = html.lowercased()
        for forbidden in ["<style", "<svg", "<img", "class=", "<script", "<link", "@media"] {
            #expect(!lower.contains(forbidden), "found \(forbidden)")
        }
        #expect(lower.contains("<table role=\"presentation\""))
        #expect(lower.contains("style=\""))
        #expect(html.contains("<title>Workplace report - Week 47, 2026</title>"))
        #expect(html.contains("Workplace report: Week 47, 2026</h1>"))
    }

    @Test("past five changes the email shows the five largest and counts the rest, as the report does")
    func manyChanges() throws {
        var metrics = try Fixture.metrics()
        let movers = (1...7).map { index in
            """
            {"kind": "mover", "measure": "desk_utilization", "group": {"department": "Team \(index)"},
             "value": \(0.40 - 0.01 * Double(index)), "previous": 0.2, "change": 0.2, "relative_change": 1.0, "baseline": null}
            """
        }
        metrics.insights = try JSONDecoder().decode([MetricsDocument.Insight].self, from: Data("[\(movers.joined(separator: ","))]".utf8))
        let html = EmailHTML(metrics: metrics, title: "t").html
        #expect(html.components(separatedBy: "Desk use rose for Team").count - 1 == InsightText.openingLimit)
        #expect(html.contains("Desk use rose for Team 5:") && !html.contains("Desk use rose for Team 6:"))
        #expect(html.contains("…and 2 smaller changes in the full report."))
    }

    @Test("a fixed 600 px card that Outlook keeps (an MSO ghost table), no white-space rules, the summary as preheader and first paragraph")
    func outlookAndSummary() throws {
        let metrics = try Fixture.metrics()
        let html = EmailHTML(metrics: metrics, title: "t").html
        let summary = ReportSummary.text(metrics)
        #expect(summary.hasPrefix("59 people came to the office, 32.8 on an average workday"))
        // Inbox lists show the first text of the body after the subject: the summary, hidden in the message.
        let body = try #require(html.range(of: "<body"))
        let preheader = try #require(html.range(of: "<div style=\"display:none;", range: body.upperBound..<html.endIndex))
        #expect(html[body.upperBound..<preheader.lowerBound].split(separator: "\n").count == 1, "the preheader is the first thing in the body")
        #expect(html[preheader.upperBound...].prefix(400).contains("mso-hide:all;"))
        #expect(html.components(separatedBy: HTMLEscaping.escape(summary)).count - 1 == 2, "preheader and first paragraph")
        let heading = try #require(html.range(of: "</h1>"))
        let paragraphs = html[heading.upperBound...].components(separatedBy: "<p ").dropFirst().prefix(2)
        #expect(paragraphs.last?.contains(HTMLEscaping.escape(summary)) == true, "the summary follows the dates under the title")
        // Outlook for Windows ignores max-width: a conditional table holds the card at 600 px there.
        let ghostOpen = "<!--[if mso]><table role=\"presentation\" width=\"600\" align=\"center\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr><td width=\"600\"><![endif]-->"
        let open = try #require(html.range(of: ghostOpen))
        let card = try #require(html.range(of: "<table role=\"presentation\" width=\"600\"", range: open.upperBound..<html.endIndex))
        let close = try #require(html.range(of: "<!--[if mso]></td></tr></table><![endif]-->"))
        #expect(html[open.upperBound..<card.lowerBound].allSatisfy(\.isWhitespace) && card.upperBound < close.lowerBound)
        #expect(!html.contains("white-space"))
    }

    @Test("the headline table shows each headline measure, the previous value and the change, as the report writes them")
    func kpis() throws {
        let html = EmailHTML(metrics: try Fixture.metrics(), title: "t").html
        // Figures never wrap: non-breaking spaces, not `white-space`, which mail clients treat differently.
        for expected in [">People in the office</td>", ">59</td>", ">55</td>", ">▲&nbsp;7.3%</td>",
                         ">Desk utilization</td>", ">67.1%</td>", ">64.7%</td>", ">▲&nbsp;2.4&nbsp;pts</td>",
                         ">Ghost-meeting rate</td>", ">▲&nbsp;1.1&nbsp;pts</td>", ">Peak day attendance</td>", "(Tue&nbsp;17&nbsp;Nov)"] {
            #expect(html.contains(expected), "missing \(expected)")
        }
        #expect(html.components(separatedBy: "<tr><td style=\"font-family").count - 1 == Measure.headline.count)
        // A rise in the ghost-meeting rate is bad news (red); in desk utilization, good (green); a
        // fall in no-shows, good.
        for (label, color) in [("Ghost-meeting rate", EmailPalette.bad), ("Desk utilization", EmailPalette.good),
                               ("Desk no-show rate", EmailPalette.good)] {
            let row = try #require(html.components(separatedBy: ">\(label)<").last?.components(separatedBy: "</tr>").first)
            #expect(row.contains("color:\(color)"), "\(label)")
        }
    }

    @Test("bars are HTML tables sized in percent")
    func bars() throws {
        let html = EmailHTML(metrics: try Fixture.metrics(), title: "t").html
        // London desk utilization 77.8% -> 78 filled, 22 track.
        #expect(html.contains("<td width=\"78%\" height=\"14\" bgcolor=\"\(EmailPalette.bar)\""))
        #expect(html.contains("<td width=\"22%\" height=\"14\" bgcolor=\"\(EmailPalette.track)\""))
        #expect(EmailBar(fraction: 0).html.components(separatedBy: "<td").count == 2)
        #expect(EmailBar(fraction: 1.7).html.contains("width=\"100%\" height"))
    }

    @Test("names from the exports are escaped; no previous period shows dashes")
    func escaping() throws {
        var metrics = try Fixture.metrics()
        metrics.previous = nil
        var hostile = MetricsDocument.DeskGroup()
        hostile.key = GroupKey([.init("building", "<script>alert(1)</script> & \"HQ\"")])
        hostile.deskUtilization = 0.5
        metrics.desks.byBuilding = [hostile]
        let html = EmailHTML(metrics: metrics, title: "<b>").html
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;HQ&quot;"))
        #expect(html.contains("<title>&lt;b&gt;</title>"))
        #expect(html.contains("No data for the previous period was at hand"))
        #expect(!html.contains("pts</td>"))
    }

    @Test("absent figures read as dashes; huge but finite ones are written out, never a crash")
    func absentAndHuge() throws {
        var metrics = MetricsDocument(period: Period(from: LocalDate("2026-11-16")!, to: LocalDate("2026-11-22")!)!)
        var html = EmailHTML(metrics: metrics, title: "t").html
        #expect(html.contains(">People in the office</td><td align=\"right\" style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:20px;padding:7px 0;border-top:1px solid #e5e7eb;font-weight:bold;\">—</td>"))
        #expect(html.contains("2026-11-16 to 2026-11-22</p>"))  // no workday count when absent
        metrics.desks.total.avgDailyPeople = 1e300
        metrics.desks.total.people = 9_007_199_254_740_991
        metrics.desks.byDepartment = [MetricsDocument.DeskGroup()]
        metrics.desks.byDepartment[0].avgDailyPeople = 1.7e308
        html = EmailHTML(metrics: metrics, title: "t").html
        #expect(html.contains(">9,007,199,254,740,991</td>"))
        #expect(html.contains(">1" + String(repeating: ",000", count: 100) + ".0</td>"))
    }
}
