import Foundation
import Testing
import RobinSynthetic
@testable import RobinExports
import RobinTestSupport

/// Reads every record of `text` as strings, with the given chunk size.
func records(_ text: String, chunkSize: Int = 1 << 20) throws -> [[String]] {
    let file = try TempFile(text)
    defer { file.remove() }
    return try readAll(file.path, chunkSize: chunkSize)
}

func readAll(_ path: String, chunkSize: Int = 1 << 20) throws -> [[String]] {
    let reader = try CSVReader(path: path, chunkSize: chunkSize)
    var rows: [[String]] = []
    while let record = try reader.nextRecord() {
        rows.append((0..<record.count).map { record.string($0) })
    }
    return rows
}

/// The error reading `text` produces.
func csvError(_ text: [UInt8]) throws -> CSVError? {
    let file = try TempFile(text)
    defer { file.remove() }
    do {
        _ = try readAll(file.path, chunkSize: 16)
        return nil
    } catch let error as CSVError {
        return error
    }
}

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("plain, quoted, doubled quotes, embedded commas and newlines")
    func quoting() throws {
        let text = "a,b,c\n1,\"x,y\",\"say \"\"hi\"\"\"\n2,\"line\nbreak\",\n"
        #expect(try records(text) == [["a", "b", "c"], ["1", "x,y", "say \"hi\""], ["2", "line\nbreak", ""]])
    }

    @Test("CRLF, LF and lone CR line ends; last line without newline")
    func lineEnds() throws {
        #expect(try records("a,b\r\n1,2\r\n3,4") == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(try records("a,b\n1,2\n") == [["a", "b"], ["1", "2"]])
        #expect(try records("a,b\r1,2\r") == [["a", "b"], ["1", "2"]])
        #expect(try records("a,\"b\"\r\n\"1\",\"2\"") == [["a", "b"], ["1", "2"]])
    }

    @Test("a UTF-8 byte-order mark is skipped; empty lines are skipped")
    func bomAndEmptyLines() throws {
        #expect(try records("\u{FEFF}Building,Floor\nHQ,3\n\n\r\nLondon,1\n") == [["Building", "Floor"], ["HQ", "3"], ["London", "1"]])
        #expect(try records("") == [])
    }

    @Test("line numbers count newlines inside quoted fields")
    func lineNumbers() throws {
        let file = try TempFile("h1,h2\n\"a\nb\",c\nd,e\n")
        defer { file.remove() }
        let reader = try CSVReader(path: file.path, chunkSize: 4)
        var lines: [Int] = []
        while let record = try reader.nextRecord() { lines.append(record.line) }
        #expect(lines == [1, 2, 4])
    }

    @Test("an unterminated quote names the line where the record starts")
    func unterminatedQuote() throws {
        let error = try #require(try csvError(Array("a,b\n1,2\n3,\"open\nstill open\n".utf8)))
        #expect(error.line == 3)
        #expect(error.problem == .unterminatedQuote(field: 1))
    }

    @Test("a stray quote inside an unquoted field is an error")
    func strayQuote() throws {
        let error = try #require(try csvError(Array("a,b\n1,x\"y\n".utf8)))
        #expect(error.line == 2)
        #expect(error.problem == .textAfterQuote(field: 1))
        let after = try #require(try csvError(Array("a,b\n1,\"x\"y\n".utf8)))
        #expect(after.problem == .textAfterQuote(field: 1))
    }

    @Test("invalid UTF-8 is an error naming line and field")
    func invalidUTF8() throws {
        let error = try #require(try csvError(Array("a,b\n1,ok\n2,".utf8) + [0xC3, 0x28] + Array("\n".utf8)))
        #expect(error.line == 3)
        #expect(error.problem == .invalidUTF8(field: 1, byte: 0xC3))
        var named = error
        named.columnNames = ["a", "Building"]
        #expect(named.description == "export.csv:3: column \"Building\": invalid UTF-8 (byte 0xC3)"
            || named.description.hasSuffix(":3: column \"Building\": invalid UTF-8 (byte 0xC3)"))
        // Valid multi-byte text passes; overlongs and surrogates do not.
        #expect(try records("a\nZürich 東京 🏢\n") == [["a"], ["Zürich 東京 🏢"]])
        #expect(try csvError([0x61, 0x0A, 0xC0, 0xAF, 0x0A])?.problem == .invalidUTF8(field: 0, byte: 0xC0))
        #expect(try csvError([0x61, 0x0A, 0xED, 0xA0, 0x80, 0x0A])?.problem == .invalidUTF8(field: 0, byte: 0xED))
    }

    @Test("a missing file is an error naming it")
    func missingFile() {
        #expect(throws: CSVError.self) { try CSVReader(path: "/nonexistent/desks.csv") }
    }

    @Test("records longer than the buffer grow it")
    func longRecord() throws {
        let long = String(repeating: "x", count: 5000)
        #expect(try records("a,b\n\(long),\"\(long)\"\n", chunkSize: 64) == [["a", "b"], [long, long]])
    }

    /// Property: any table of fields (quotes, commas, CR/LF, unicode, empties),
    /// written as RFC 4180 CSV with either line end, reads back equal, whatever
    /// the chunk size.
    @Test("round trip of random tables", arguments: 0..<200)
    func roundTrip(seed: Int) throws {
        var random = SplitMix64(keys: UInt64(seed))
        let alphabet: [String] = ["a", "Z", "0", " ", ",", "\"", "\n", "\r\n", ";", "é", "東", "🏢", "\t", "'"]
        let columns = random.below(6) + 1
        let rows = random.below(8) + 1
        var table: [[String]] = []
        for _ in 0..<rows {
            table.append((0..<columns).map { _ in
                (0..<random.below(7)).map { _ in alphabet[random.below(alphabet.count)] }.joined()
            })
        }
        // An all-empty single-column row would be an empty line, which the reader skips by design.
        if columns == 1 { table = table.map { $0[0].isEmpty ? ["x"] : $0 } }
        let lineEnd = random.below(2) == 0 ? "\n" : "\r\n"
        var text = table.map { row in
            row.map { field in
                field.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) }) || (random.below(4) == 0)
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",")
        }.joined(separator: lineEnd)
        if random.below(2) == 0 { text += lineEnd }
        let chunk = 1 + random.below(40)
        let got = try records(text, chunkSize: chunk)
        #expect(got == table, "chunk \(chunk) text \(text.debugDescription) got \(got.debugDescription)")
    }
}
