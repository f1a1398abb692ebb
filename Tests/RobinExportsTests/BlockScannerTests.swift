import Foundation
import Testing
import RobinSynthetic
@testable import RobinExports
import RobinTestSupport

/// Everything a reader shows of a file: per record its line and, per field, the
/// raw bytes and whether they have doubled quotes; then the error that stopped
/// it, if any.
struct ReadTrace: Equatable, CustomStringConvertible {
    struct Field: Equatable {
        let raw: [UInt8]
        let doubled: Bool
    }
    var records: [(line: Int, fields: [Field])] = []
    var error: CSVError.Problem?
    var errorLine: Int?

    static func == (a: ReadTrace, b: ReadTrace) -> Bool {
        a.records.count == b.records.count && zip(a.records, b.records).allSatisfy { $0.line == $1.line && $0.fields == $1.fields }
            && a.error == b.error && a.errorLine == b.errorLine
    }

    var description: String {
        let rows = records.map { record in
            "\(record.line): " + record.fields.map { String(decoding: $0.raw, as: UTF8.self).debugDescription + ($0.doubled ? "(doubled)" : "") }
                .joined(separator: " ")
        }
        return (rows + ["error \(String(describing: error)) at \(String(describing: errorLine))"]).joined(separator: "\n")
    }
}

func trace(_ path: String, chunkSize: Int, blockScanning: Bool) throws -> ReadTrace {
    var result = ReadTrace()
    let reader = try CSVReader(path: path, chunkSize: chunkSize, blockScanning: blockScanning)
    do {
        while let record = try reader.nextRecord() {
            result.records.append((record.line, (0..<record.count).map {
                ReadTrace.Field(raw: Array(record.rawBytes($0)), doubled: record.hasDoubledQuotes($0))
            }))
        }
    } catch {
        result.error = error.problem
        result.errorLine = error.line
    }
    return result
}

/// Reads `bytes` with the block fast path and with the byte loop alone: both must agree.
func bothWays(_ bytes: [UInt8], chunkSize: Int = 1 << 20) throws -> (fast: ReadTrace, bytewise: ReadTrace) {
    let file = try TempFile(bytes)
    defer { file.remove() }
    return (try trace(file.path, chunkSize: chunkSize, blockScanning: true), try trace(file.path, chunkSize: chunkSize, blockScanning: false))
}

@Suite("CSV reader: block fast path")
struct BlockScannerTests {
    /// A record starts a fresh 64-byte block at its first byte (offset 0 here),
    /// so these put quotes and delimiters on either side of offset 64.
    @Test("a quote or delimiter on either side of a 64-byte block boundary")
    func blockBoundaries() throws {
        let a62 = String(repeating: "a", count: 62)
        let tail = "\n" + String(repeating: "z,", count: 80) + "end\n"
        let cases: [(String, [String])] = [
            // Delimiter at 62, opening quote at 63, comma inside quotes at 65.
            ("\(a62),\"x,y\",c", [a62, "x,y", "c"]),
            // Closing quote at 63, delimiter at 64 (the carry between blocks).
            ("\"\(a62)\",c", [a62, "c"]),
            // Doubled quote at 63-64: a closing-looking quote, then its pair in the next block.
            ("\"\(a62)\"\"q\",c", [a62 + "\"q", "c"]),
            // Delimiter at 63, quoted field from 64.
            ("\(a62)x,\"q\"", [a62 + "x", "q"]),
            // Line feed inside quotes at 64, comma at 63 inside quotes.
            ("\"\(a62),\nm\",c", [a62 + ",\nm", "c"]),
            // An empty quoted field across the boundary (quotes at 63 and 64).
            ("\(a62),\"\",c", [a62, "", "c"]),
        ]
        for (record, fields) in cases {
            let text = record + tail
            let (fast, bytewise) = try bothWays(Array(text.utf8))
            #expect(fast == bytewise, "\(text.debugDescription)")
            #expect(fast.records.first?.fields.map { String(decoding: ReadTrace.unescape($0), as: UTF8.self) } == fields, "\(text.debugDescription)")
            let newlinesInside = record.filter { $0 == "\n" }.count
            #expect(fast.records.map(\.line) == [1, 2 + newlinesInside], "\(text.debugDescription)")
            #expect(fast.error == nil)
        }
    }

    @Test("the in-quote state carries over several blocks: commas, LF, CR and CRLF inside one quoted field")
    func longQuotedField() throws {
        let inside = (0..<40).map { i in ["x,", "y\n", "z\r", "w\r\n", "\"\""][i % 5] }.joined()
        let text = "h1,h2\r\n1,\"\(inside)\"\r\n2,\"plain\"\r\n"
        let (fast, bytewise) = try bothWays(Array(text.utf8))
        #expect(fast == bytewise)
        let value = inside.replacingOccurrences(of: "\"\"", with: "\"")
        #expect(fast.records.count == 3)
        #expect(fast.records[1].fields.map { String(decoding: ReadTrace.unescape($0), as: UTF8.self) } == ["1", value])
        #expect(fast.records[1].fields[1].doubled)
        // LFs inside count (a CRLF once, a lone CR not).
        #expect(fast.records.map(\.line) == [1, 2, 3 + 16])
    }

    @Test("malformed quotes on a block boundary give the byte loop's error, field and line")
    func badQuotesAtBoundaries() throws {
        // "ok\n" is bytes 0-2, so the second record starts at 3 in the block at 0.
        func a(_ count: Int) -> String { String(repeating: "a", count: count) }
        let cases: [(String, CSVError.Problem)] = [
            // Text after a closing quote at 63.
            ("ok\n\"\(a(59))\"x,c\n", .textAfterQuote(field: 0)),
            // A quote inside an unquoted field, at 64.
            ("ok\n\(a(61))\"x,y\n", .textAfterQuote(field: 0)),
            // A quote inside an unquoted field, at 63.
            ("ok\nq,\(a(58))\"b,c\n", .textAfterQuote(field: 1)),
            // A doubled quote at 63-64, in a field never closed.
            ("ok\n\"\(a(59))\"\"x,c\n" + a(80) + "\n", .unterminatedQuote(field: 0)),
            // Never closed: the opening quote at 63.
            ("ok\n\(a(59)),\"open,\n" + String(repeating: "more,", count: 20), .unterminatedQuote(field: 1)),
        ]
        for (text, problem) in cases {
            let (fast, bytewise) = try bothWays(Array(text.utf8))
            #expect(fast == bytewise, "\(text.debugDescription)")
            #expect(fast.error == problem, "\(text.debugDescription)")
            #expect(fast.errorLine == 2, "\(text.debugDescription)")
        }
    }

    @Test("control bytes other than LF and CR are field text, inside quotes or not")
    func controlBytes() throws {
        for byte: UInt8 in [0x00, 0x01, 0x07, 0x08, 0x09, 0x0B, 0x0C, 0x0E, 0x0F, 0x10, 0x1F] {
            var text = Array("h,\"k\"\n".utf8) + Array(repeating: UInt8(ascii: "a"), count: 70)
            text += [byte, UInt8(ascii: ","), UInt8(ascii: "\""), byte, UInt8(ascii: "\""), UInt8(ascii: "\n")]
            let (fast, bytewise) = try bothWays(text)
            #expect(fast == bytewise)
            #expect(fast.records.last?.fields.map(\.raw) == [Array(repeating: UInt8(ascii: "a"), count: 70) + [byte], [byte]])
        }
    }

    /// Property: the fast path and the byte loop agree on any file, valid or
    /// not, whatever the chunk size; records here span several blocks and a
    /// chunk holds a few of them, so the cached block, the in-quote carry and
    /// the rescans after a refill are all exercised.
    @Test("agrees with the byte loop on random valid and damaged files", arguments: 0..<300)
    func agreesWithByteLoop(seed: Int) throws {
        var random = SplitMix64(keys: UInt64(seed), 0x5CA7)
        let alphabet: [String] = ["a", "Z", "0", " ", "\t", "\u{0B}", ",", "\"", "\n", "\r\n", "\r", "é", "東", "🏢", "Forum 1A, East side", String(repeating: "x", count: 30)]
        let columns = random.below(12) + 1
        var text = random.below(4) == 0 ? "\u{FEFF}" : ""
        for _ in 0..<(random.below(30) + 1) {
            let row = (0..<columns).map { _ in
                let field = (0..<random.below(6)).map { _ in alphabet[random.below(alphabet.count)] }.joined()
                return field.contains(where: { ",\"\r\n".contains($0) }) || random.below(3) == 0
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }
            text += row.joined(separator: ",") + ["\n", "\r\n", "\r"][random.below(3)]
            if random.below(8) == 0 { text += ["\n", "\r\n"][random.below(2)] }  // an empty line
        }
        var bytes = Array(text.utf8)
        if random.below(5) == 0 { bytes.removeLast() }  // last line without its line end
        // Damage: a stray or missing quote, a byte that is not UTF-8.
        for _ in 0..<random.below(3) where !bytes.isEmpty {
            let at = random.below(bytes.count)
            switch random.below(3) {
            case 0: bytes.insert(UInt8(ascii: "\""), at: at)
            case 1: if bytes[at] == UInt8(ascii: "\"") { bytes.remove(at: at) }
            default: bytes.insert(0xFF, at: at)
            }
        }
        let chunk = [64, 100, 128, 200, 500, 4096, 1 << 20][random.below(7)]
        let (fast, bytewise) = try bothWays(bytes, chunkSize: chunk)
        #expect(fast == bytewise, "chunk \(chunk) text \(String(decoding: bytes, as: UTF8.self).debugDescription)\nfast:\n\(fast)\nbyte loop:\n\(bytewise)")
    }
}

extension ReadTrace {
    /// A field's value (doubled quotes undone).
    static func unescape(_ field: Field) -> [UInt8] {
        guard field.doubled else { return field.raw }
        var result: [UInt8] = [], skip = false
        for byte in field.raw {
            if skip { skip = false; continue }
            result.append(byte)
            if byte == UInt8(ascii: "\"") { skip = true }
        }
        return result
    }
}
