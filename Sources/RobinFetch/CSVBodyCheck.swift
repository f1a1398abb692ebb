import Foundation
import RobinModel

/// Checks, chunk by chunk while a download streams in, that a body is a
/// complete CSV export of its kind, so that nothing else is ever cached:
///
/// - not empty, and its first record is the kind's header row (`ExportHeader`):
///   an HTML error page, a JSON envelope or an empty body has none;
/// - it ends on a record boundary: not inside a quoted field, and its last row
///   has at least the header's field count. A close-delimited body (no
///   Content-Length) cut short fails one of these unless the cut falls exactly
///   at a line end or inside the last field of a row, which no check of the
///   bytes alone can tell.
///
/// Rows in the middle are not judged: reading them is the exports stage's job.
/// A UTF-8 byte order mark is skipped. Runs in constant memory (the header
/// row is kept, up to 64 KiB).
struct CSVBodyCheck: Sendable {
    let header: ExportHeader

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    private var state = State.fieldStart
    private var fields = 0
    private var recordHasBytes = false
    private var headerNames: [String]?
    private var pendingNames: [String] = []
    private var field: [UInt8] = []
    private var headerOverflow = false
    private var lastRowFields: Int?
    private var opening: [UInt8] = []
    private var total = 0
    private static let headerLimit = 64 * 1024

    init(kind: ExportKind) {
        self.header = ExportHeader(kind: kind)
    }

    /// Feeds the next bytes of the body.
    mutating func consume(_ data: Data) {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var bytes = buffer[...]
            if total == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            if opening.count < 60 { opening += bytes.prefix(60 - opening.count) }
            total += buffer.count
            for byte in bytes { step(byte) }
        }
    }

    /// Why the body is not a complete export of its kind; nil when it is.
    mutating func finish() -> String? {
        guard total > 0 else { return "the body is empty" }
        if state == .quoted { return "the body ends inside a quoted field (cut short)" }
        if recordHasBytes || fields > 0 { endRecord() }
        let start = "it starts with \"\(openingText)\""
        guard let names = headerNames, !headerOverflow else {
            return "the body has no \(header.kind) header row (\(start))"
        }
        let missing = header.missingColumns(in: names)
        guard missing.isEmpty else {
            let shown = missing.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ") + (missing.count > 3 ? " and \(missing.count - 3) more" : "")
            return "the body is not the \(header.kind) export's CSV: its first row lacks \(shown) (\(start))"
        }
        if let lastRowFields, lastRowFields < names.count {
            return "the body ends with an incomplete row (\(lastRowFields) of \(names.count) fields; cut short)"
        }
        return nil
    }

    /// The first line of the body, shortened, for messages.
    private var openingText: String {
        let line = opening.prefix { $0 != 10 && $0 != 13 }
        let text = String(decoding: line.prefix(40), as: UTF8.self)
        return line.count > 40 ? text + "..." : text
    }

    private mutating func step(_ byte: UInt8) {
        switch state {
        case .fieldStart, .unquoted:
            switch byte {
            case UInt8(ascii: "\""):
                recordHasBytes = true
                if state == .fieldStart { state = .quoted } else { keep(byte) }
            case UInt8(ascii: ","):
                recordHasBytes = true
                endField()
            case UInt8(ascii: "\n"):
                endRecord()
            case UInt8(ascii: "\r"):
                break  // part of a CRLF line end
            default:
                recordHasBytes = true
                state = .unquoted
                keep(byte)
            }
        case .quoted:
            if byte == UInt8(ascii: "\"") { state = .quoteInQuoted } else { keep(byte) }
        case .quoteInQuoted:
            switch byte {
            case UInt8(ascii: "\""): keep(byte); state = .quoted
            case UInt8(ascii: ","): endField()
            case UInt8(ascii: "\n"): endRecord()
            case UInt8(ascii: "\r"): break
            default: keep(byte); state = .unquoted  // text after a closing quote: lenient
            }
        }
    }

    private mutating func keep(_ byte: UInt8) {
        guard headerNames == nil, !headerOverflow else { return }
        field.append(byte)
        if field.count > CSVBodyCheck.headerLimit { headerOverflow = true }
    }

    private mutating func endField() {
        fields += 1
        state = .fieldStart
        guard headerNames == nil, !headerOverflow else { return }
        pendingNames.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        if pendingNames.count > 4096 { headerOverflow = true }
    }

    private mutating func endRecord() {
        defer {
            fields = 0
            recordHasBytes = false
            state = .fieldStart
        }
        guard recordHasBytes || fields > 0 else { return }  // a blank line
        endField()
        if headerNames == nil, !headerOverflow {
            headerNames = pendingNames
            pendingNames = []
        } else {
            lastRowFields = fields
        }
    }
}
