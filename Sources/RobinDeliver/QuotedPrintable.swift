/// Quoted-printable (RFC 2045 6.7) for the text parts: readable where the text
/// is ASCII, every line at most 76 characters, so the message stays far under
/// SMTP's 998-octet line limit whatever report.md holds.
enum QuotedPrintable {
    /// Encodes UTF-8 `text` with lines joined by CRLF. A line-initial "." and
    /// "From " are encoded too, so a sendmail pipe or an mbox cannot cut or
    /// mangle the message.
    static func encode(_ text: String) -> String {
        var output: [String] = []
        let lines = text.replacingAll("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if index == lines.count - 1 && line.isEmpty { break }
            output += encodeLine(Array(line.utf8))
        }
        return output.joined(separator: "\r\n") + (text.hasSuffix("\n") ? "\r\n" : "")
    }

    /// One input line as one or more output lines, soft-broken with "=".
    private static func encodeLine(_ bytes: [UInt8]) -> [String] {
        var lines: [String] = []
        var current = ""
        for (index, byte) in bytes.enumerated() {
            let last = index == bytes.count - 1
            var token: String
            switch byte {
            case UInt8(ascii: "="): token = hex(byte)
            case UInt8(ascii: " "), UInt8(ascii: "\t"): token = last ? hex(byte) : String(UnicodeScalar(byte))
            case 33...126: token = String(UnicodeScalar(byte))
            default: token = hex(byte)
            }
            // 75 characters and a soft break "=" make 76; the last line needs no "=".
            if current.count + token.count > (last ? 76 : 75) {
                lines.append(current + "=")
                current = ""
            }
            if current.isEmpty && token == "." { token = hex(byte) }
            if index == 0 && byte == UInt8(ascii: "F") && bytes.starts(with: Array("From ".utf8)) { token = hex(byte) }
            current += token
        }
        lines.append(current)
        return lines
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
    }
}
