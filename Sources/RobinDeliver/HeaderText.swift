import Foundation
import RobinModel

/// Header values as RFC 5322 and RFC 2047 want them: non-ASCII text as UTF-8
/// "B" encoded words of at most 75 characters, long values folded so no
/// header line passes 78 characters.
enum HeaderText {
    /// An unstructured value (the subject): kept as is when it is printable
    /// ASCII, else encoded words. Folded with CRLF + space.
    static func unstructured(_ value: String, headerName: String) -> String {
        let clean = String(value.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
        if isPlainASCII(clean) { return fold(clean.split(separator: " ", omittingEmptySubsequences: false).map(String.init),
                                             first: headerName.count + 2) }
        return encodedWords(clean).joined(separator: "\r\n ")
    }

    /// An address list: `Name <a@b>, =?UTF-8?B?...?= <c@d>`, one address a line
    /// after the first.
    static func addresses(_ list: [EmailAddress]) -> String {
        list.map(mailbox).joined(separator: ",\r\n ")
    }

    /// One mailbox with its display name quoted or encoded as needed.
    static func mailbox(_ address: EmailAddress) -> String {
        guard let name = address.name, !name.isEmpty else { return address.address }
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ ")
        let display: String
        if isPlainASCII(name) {
            display = name.allSatisfy { atext.contains($0) } ? name : "\"\(name)\""
        } else {
            display = encodedWords(name).joined(separator: "\r\n ")
        }
        return "\(display) <\(address.address)>"
    }

    /// Printable ASCII with nothing that a decoder would take for an encoded word.
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { (32...126).contains($0) } && !text.contains("=?")
    }

    /// `=?UTF-8?B?...?=` words, each whole characters of at most 45 bytes (60
    /// base64 characters, 72 with the wrapper).
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 && !chunk.isEmpty {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    /// Joins words with spaces, breaking lines before a word that would pass 78.
    private static func fold(_ words: [String], first: Int) -> String {
        var out = "", width = first
        for (index, word) in words.enumerated() {
            if index > 0 {
                if width + 1 + word.count > 78 && width > 1 {
                    out += "\r\n "
                    width = 1
                } else {
                    out += " "
                    width += 1
                }
            }
            out += word
            width += word.count
        }
        return out
    }
}
