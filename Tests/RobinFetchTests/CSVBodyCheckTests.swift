@testable import RobinFetch
import Foundation
import RobinModel
import Testing

/// The check every download passes before it is cached: the kind's header
/// row, found by name, and a body that ends on a record boundary.
struct CSVBodyCheckTests {
    private let deskHeader = ExportKind.desks.documentedColumns.joined(separator: ",")
    private var deskRow: String {
        Array(repeating: "v", count: ExportKind.desks.documentedColumns.count).joined(separator: ",")
    }

    /// The problem found in `text` fed in chunks of `chunk` bytes (nil: complete).
    private func problem(_ text: String, kind: ExportKind = .desks, chunk: Int = 7) -> String? {
        var check = CSVBodyCheck(kind: kind)
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            check.consume(Data(bytes[offset..<min(bytes.count, offset + chunk)]))
            offset += chunk
        }
        return check.finish()
    }

    @Test func completeExportsPass() {
        #expect(problem(deskHeader + "\n" + deskRow + "\n") == nil)
        #expect(problem(deskHeader + "\r\n" + deskRow + "\r\n" + deskRow + "\r\n") == nil)
        #expect(problem(deskHeader + "\n") == nil)  // a day without reservations
        #expect(problem(deskHeader + "\n" + deskRow) == nil)  // no final line end, full row
        #expect(problem("\u{FEFF}" + deskHeader + "\n" + deskRow + "\n") == nil)  // byte order mark
        #expect(problem(deskHeader + ",Added Later\n" + deskRow + ",x\n") == nil)  // Robin adds columns
    }

    @Test func headerNamesMatchIgnoringCaseSpacesAndUnderscores() {
        let shuffled = ExportKind.desks.documentedColumns.reversed()
            .map { " " + $0.uppercased().replacingOccurrences(of: " ", with: "_") + "\t" }
            .map { "\"\($0)\"" }
            .joined(separator: ",")
        #expect(problem(shuffled + "\n" + deskRow + "\n") == nil)
    }

    @Test func levelStandsForFloor() {
        let spaces = ExportKind.spaces.documentedColumns.map { $0 == "Floor" ? "Level" : $0 }.joined(separator: ",")
        #expect(problem(spaces + "\n", kind: .spaces) == nil)
        let none = ExportKind.spaces.documentedColumns.filter { $0 != "Floor" }.joined(separator: ",")
        #expect(problem(none + "\n", kind: .spaces)?.contains("lacks \"Floor\"") == true)
    }

    @Test func errorPagesAndOtherBodiesFail() {
        #expect(problem("") == "the body is empty")
        let html = problem("<!DOCTYPE html>\n<html><body>Bad Gateway</body></html>\n")
        #expect(html?.contains("not the desks export's CSV") == true)
        #expect(html?.contains("starts with \"<!DOCTYPE html>\"") == true)
        #expect(problem(#"{"meta":{"status":"OK"},"data":null}"#)?.contains("not the desks export's CSV") == true)
        // The other kind's CSV is not this kind's.
        #expect(problem(ExportKind.spaces.documentedColumns.joined(separator: ",") + "\n")?.contains("lacks \"Desk Group\"") == true)
    }

    @Test func cutBodiesFail() {
        let full = deskHeader + "\n" + deskRow + "\n" + "\"quoted, with a\nline break\"," + deskRow.dropFirst(2) + "\n"
        #expect(problem(full) == nil)
        // Cut inside the quoted field.
        let inQuote = String(full.prefix(deskHeader.count + deskRow.count + 12))
        #expect(problem(inQuote) == "the body ends inside a quoted field (cut short)")
        // Cut a few fields into a row (with or without a line end after the cut).
        let midRow = deskHeader + "\n" + deskRow + "\n" + "v,v,v"
        #expect(problem(midRow)?.contains("incomplete row (3 of 25 fields") == true)
        #expect(problem(midRow + "\r\n\r\n")?.contains("incomplete row (3 of 25 fields") == true)
        // Cut inside the header.
        #expect(problem(String(deskHeader.prefix(40)))?.contains("lacks") == true)
    }

    @Test func anyChunkingGivesTheSameAnswer() {
        let text = deskHeader + "\r\n" + "\"a\"\"b\"," + deskRow.dropFirst(2) + "\r\n"
        for chunk in [1, 2, 3, 64, 10_000] {
            #expect(problem(text, chunk: chunk) == nil, "chunk \(chunk)")
            #expect(problem(String(text.dropLast(30)), chunk: chunk) != nil, "chunk \(chunk)")
        }
    }
}
