import Foundation
import Testing
@testable import RobinDeliver
import RobinModel

@Suite("email HTML")
struct EmailHTMLTests {
    @Test("built for mail clients: tables and inline styles, no <style>, no SVG, no images, no classes")
    func mailClientSafe() throws {
        let html = EmailHTML(metrics: try Fixture.metrics(), title: "Workplace report - week 47, 2026").html
        let lower = html.lowercased()
        for forbidden in ["<style", "<svg", "<img", "class=", "<script", "<link", "@media"] {
            #expect(!lower.contains(forbidden), "found \(forbidden)")
        }
        #expect(lower.contains("<table role=\"presentation\""))
        #expect(lower.contains("style=\""))
        #expect(html.contains("<title>Workplace report - week 47, 2026</title>"))
        #expect(html.contains("Workplace report: week 47, 2026</h1>"))
    }

    @Test("the KPI table shows each headline figure, the previous one and the change")
    func kpis() throws {
        let html = EmailHTML(metrics: try Fixture.metrics(), title: "t").html
        for expected in [">People in office</td>", ">59</td>", ">55</td>", "+4 (+7.3%)</td>",
                         ">Desk utilization</td>", ">67.1%</td>", ">64.7%</td>", "+2.4 pts</td>",
                         ">Ghost-meeting rate</td>", "+1.1 pts</td>", "(Tue 17 Nov)"] {
            #expect(html.contains(expected), "missing \(expected)")
        }
        // A rise in the ghost-meeting rate is bad news (red); in desk utilization, good (green).
        let ghost = try #require(html.components(separatedBy: ">Ghost-meeting rate<").last?.components(separatedBy: "</tr>").first)
        #expect(ghost.contains("color:\(EmailPalette.bad)"))
        let desks = try #require(html.components(separatedBy: ">Desk utilization<").last?.components(separatedBy: "</tr>").first)
        #expect(desks.contains("color:\(EmailPalette.good)"))
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
        metrics.deskUtilizationByBuilding = [GroupFigure(name: "<script>alert(1)</script> & \"HQ\"", value: 0.5)]
        let html = EmailHTML(metrics: metrics, title: "<b>").html
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;HQ&quot;"))
        #expect(html.contains("<title>&lt;b&gt;</title>"))
        #expect(html.contains("No data for the previous period was at hand"))
        #expect(!html.contains("pts</td>"))
    }

    @Test("KPI changes: points for ratios, difference and share for counts, tone by good direction")
    func changes() {
        let old = Headline(people: 50, deskUtilization: 0.5, noShowRate: 0.10)
        let new = Headline(people: 45, deskUtilization: 0.5004, noShowRate: 0.12)
        let people = KPI.headline[0].change(from: old, to: new)!
        #expect(people.text == "-5 (-10.0%)" && people.tone == .bad)
        let desks = KPI.headline[3].change(from: old, to: new)!
        #expect(desks.text == "0.0 pts" && desks.tone == .flat)
        let noShows = KPI.headline[5].change(from: old, to: new)!
        #expect(noShows.text == "+2.0 pts" && noShows.tone == .bad)
        #expect(KPI.headline[1].change(from: old, to: new) == nil)
        #expect(KPI.headline[0].change(from: Headline(people: 0), to: new)?.text == "+45")
    }

    @Test("metrics.json problems name the file and the field")
    func badMetrics() throws {
        let cases: [(String, String)] = [
            ("{", "m.json: not valid JSON"),
            ("{\"schema_version\": 2}", "m.json: the document: schema_version 2 is not supported (this robin-report reads 1)"),
            ("{\"schema_version\": 1, \"period\": {\"from\": \"2026-11-16\"}}", "m.json: period.to: missing"),
            ("{\"schema_version\": 1, \"period\": {\"from\": \"2026-11-16\", \"to\": \"2026-11-32\"}}",
             "m.json: period.to: \"2026-11-32\" is not a date (YYYY-MM-DD)"),
        ]
        for (json, message) in cases {
            let error = try #require(throws: DeliveryError.self) { try ReportMetrics(json: Data(json.utf8), file: "m.json") }
            #expect(error.kind == .badReport)
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
        var text = try String(contentsOfFile: Fixture.report + "/metrics.json", encoding: .utf8)
        text = text.replacingOccurrences(of: "\"people\": 59,", with: "\"people\": \"many\",")
        let error = try #require(throws: DeliveryError.self) { try ReportMetrics(json: Data(text.utf8), file: "m.json") }
        #expect(error.message == "m.json: desks.total.people: must be a whole number")
    }
}
