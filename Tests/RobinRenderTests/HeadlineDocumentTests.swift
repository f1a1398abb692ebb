import Foundation
import Testing
@testable import RobinModel
@testable import RobinRender

/// The parts of metrics.json the report's headline and the index read: the same
/// figures as the whole document, without decoding its megabytes of groups.
@Suite("Headline documents")
struct HeadlineDocumentTests {
    @Test("the headline's document is metrics.json read back, but for the desk and room group lists")
    func headlineOfMetrics() async throws {
        let input = try await ReportFixture.weekWithInsights()
        let full = try MetricsDocument(input.metrics), headline = try MetricsDocument(headlineOf: input.metrics)
        #expect(!full.rooms.bySpace.isEmpty && !full.desks.byDepartment.isEmpty && !full.desks.daily.isEmpty)
        #expect(headline.rooms.bySpace.isEmpty && headline.desks.byFloor.isEmpty && headline.rooms.heatmap.isEmpty)
        var expected = full
        expected.desks = MetricsDocument.Desks()
        expected.desks.total = full.desks.total
        expected.rooms = MetricsDocument.Rooms()
        expected.rooms.total = full.rooms.total
        if var previous = full.previous {
            previous.desks = MetricsDocument.Desks()
            previous.desks.total = full.previous!.desks.total
            previous.rooms = MetricsDocument.Rooms()
            previous.rooms.total = full.previous!.rooms.total
            expected.previous = previous
        }
        #expect(full.previous != nil && full.insights?.isEmpty == false && full.capacity != nil)
        #expect(headline == expected)
        // Even this small week's groups are most of its metrics.json.
        #expect(input.metrics.headlineJSON.utf8.count * 2 < input.metrics.json.utf8.count)
    }

    @Test("the index's reading checks what it shows and ignores the rest; the full reading checks everything")
    func totalsOnly() throws {
        let source = ReportFixture.weekFolder.appendingPathComponent("metrics.json")
        let text = try String(contentsOf: source, encoding: .utf8)
        let full = try MetricsDocument.read(Data(text.utf8), file: "m.json")
        let totals = try MetricsDocument.readTotals(Data(text.utf8), file: "m.json")
        #expect(totals.period == full.period && totals.workdays == full.workdays && totals.audience == full.audience)
        #expect(totals.desks.total == full.desks.total && totals.rooms.total == full.rooms.total)
        #expect(totals.rooms.bySpace.isEmpty && totals.previous == nil && totals.insights == nil)

        // A bad figure in a room group: not shown by the index, so not read by it.
        let badGroup = text.replacingOccurrences(of: "\"space_id\": \"200000\",\n        \"events\": 29,",
                                                 with: "\"space_id\": \"200000\",\n        \"events\": -29,")
        #expect(badGroup != text)
        #expect(throws: MetricsFileError.self) { try MetricsDocument.read(Data(badGroup.utf8), file: "m.json") }
        #expect(try MetricsDocument.readTotals(Data(badGroup.utf8), file: "m.json").rooms.total == full.rooms.total)

        // What it shows is checked as the full reading checks it, with the same words.
        for edit in [("\"people\": 59,", "\"people\": -59,"), ("\"schema_version\": 1", "\"schema_version\": 2"),
                     ("\"from\": \"2026-11-16\"", "\"from\": \"2026-11-31\""), ("\"schema_version\": 1,", "")] {
            let bad = Data(text.replacingOccurrences(of: edit.0, with: edit.1).utf8)
            let fullError = #expect(throws: MetricsFileError.self) { try MetricsDocument.read(bad, file: "m.json") }
            let totalsError = #expect(throws: MetricsFileError.self) { try MetricsDocument.readTotals(bad, file: "m.json") }
            #expect(fullError == totalsError, "\(edit)")
        }
        let truncated = Data(text.prefix(text.count / 2).utf8)
        #expect(throws: MetricsFileError.self) { try MetricsDocument.readTotals(truncated, file: "m.json") }
    }

    @Test("the index reads only the head of a metrics.json robin-report wrote; any other shape is read whole, with the same result")
    func head() throws {
        let source = ReportFixture.weekFolder.appendingPathComponent("metrics.json")
        let text = try String(contentsOf: source, encoding: .utf8)
        let full = try MetricsDocument.read(Data(text.utf8), file: "m.json")
        func totals(_ text: String) throws -> MetricsDocument { try MetricsDocument.readTotals(Data(text.utf8), file: "m.json") }
        func same(_ document: MetricsDocument, audience: AudienceLabel? = nil) -> Bool {
            document.period == full.period && document.workdays == full.workdays && document.audience == audience
                && document.desks.total == full.desks.total && document.rooms.total == full.rooms.total
        }
        // As written: the head is found (so the fast path is the one read), and gives the full reading's totals.
        #expect(MetricsHead.totals(Data(text.utf8)) != nil)
        #expect(same(try totals(text)))
        // An audience's document: its label too.
        let audience = text.replacingOccurrences(of: "\"schema_version\": 1,",
                                                 with: "\"schema_version\": 1,\n  \"audience\": {\"name\": \"London \\\"HQ\\\"\", \"slug\": \"london\"},")
        #expect(MetricsHead.totals(Data(audience.utf8)) != nil)
        #expect(same(try totals(audience), audience: AudienceLabel(name: "London \"HQ\"", slug: "london")))
        // Another key order (period first): not the head's shape, read whole, the same totals.
        let period = try #require(text.range(of: #"  "period": \{[^}]*\},\n"#, options: .regularExpression))
        let reordered = "{\n" + text[period] + text[text.index(after: text.startIndex)..<period.lowerBound] + text[period.upperBound...]
        #expect(MetricsHead.totals(Data(reordered.utf8)) == nil)
        #expect(same(try totals(reordered)))
        // Text after the document, a string left open, or brackets unbalanced after rooms.total: read whole, refused.
        for damaged in [text + "{}", String(text.dropLast(3)), text.replacingOccurrences(of: "\"by_space\": [", with: "\"by_space\": [[")] {
            #expect(MetricsHead.totals(Data(damaged.utf8)) == nil)
            #expect(throws: MetricsFileError.self) { try totals(damaged) }
        }
    }

    @Test("JSON strings: quotes, backslashes and control characters escaped, line separators as \\u2028 and \\u2029")
    func quoting() {
        #expect(JSONWriter.quoted("Forum \"1A\"\\East\n\r\t\u{01}\u{1F}") == #""Forum \"1A\"\\East\n\r\t\u0001\u001f""#)
        #expect(JSONWriter.quoted("a\u{2028}b\u{2029}c\u{2027}é😀") == "\"a\\u2028b\\u2029c\u{2027}é😀\"")
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("name", "Zoë")
        writer.beginArray("list")
        writer.endArray()
        writer.field("share", 0.5)
        writer.field("none", nil as Double?)
        writer.endObject()
        #expect(writer.text == "{\n  \"name\": \"Zoë\",\n  \"list\": [],\n  \"share\": 0.5,\n  \"none\": null\n}")
    }
}
