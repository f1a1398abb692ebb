import Foundation
import RobinModel

/// Header values as RFC 5322 and RFC 2047 want them: printable ASCII kept
/// readable and folded at spaces, anything else (non-ASCII, or a word too long
/// to fold) as UTF-8 "B" encoded words of at most 75 characters. Every line
/// stays within 78 octets, so far under the 998-octet limit, whatever the
/// subject or the display names hold.
enum HeaderText {
    /// The line width folding keeps to (RFC 5322 2.1.1's "should").
    static let lineWidth = 78

    /// An unstructured value (the subject), to follow `headerName: `: kept as
    /// is when it is printable ASCII whose words fit a line, else encoded words.
    static func unstructured(_ value: String, headerName: String) -> String {
        let clean = String(value.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
        if clean.isEmpty { return "" }
        var folder = HeaderFolder(column: headerName.utf8.count + 2)
        // Words separated by single spaces; any other run of spaces would fold into a
        // blank line or lose a space, and an encoded word keeps them exactly.
        let words = clean.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if isPlainASCII(clean) && folder.fits(words) {
            for word in words { folder.append(word) }
        } else {
            folder.appendEncoded(clean)
        }
        return folder.text
    }

    /// An address list, to follow `headerName: `: `Name <a@b>, =?UTF-8?B?...?= <c@d>`.
    static func addresses(_ list: [EmailAddress], headerName: String = "To") -> String {
        var folder = HeaderFolder(column: headerName.utf8.count + 2)
        for (index, address) in list.enumerated() {
            append(address, to: &folder, last: index == list.count - 1)
        }
        return folder.text
    }

    /// One mailbox, to follow `headerName: `, its display name kept as atoms,
    /// quoted, or encoded as needed.
    static func mailbox(_ address: EmailAddress, headerName: String = "From") -> String {
        var folder = HeaderFolder(column: headerName.utf8.count + 2)
        append(address, to: &folder, last: true)
        return folder.text
    }

    /// Printable ASCII with nothing that a decoder would take for an encoded word.
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { (32...126).contains($0) } && !text.contains("=?")
    }

    private static let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~")

    private static func append(_ address: EmailAddress, to folder: inout HeaderFolder, last: Bool) {
        // The comma goes with the address, so it never starts a line.
        let comma = last ? "" : ","
        guard let name = address.name, !name.isEmpty else {
            folder.append(address.address + comma)
            return
        }
        let words = name.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let quoted = "\"\(name)\""
        if isPlainASCII(name) && name.allSatisfy({ $0 == " " || atext.contains($0) }) && folder.fits(words) {
            for word in words { folder.append(word) }
        } else if isPlainASCII(name) && folder.fits([quoted]) {
            folder.append(quoted)
        } else {
            // RFC 2047 6.2: the spaces between these words are not part of the name;
            // the name's own spaces are inside the words.
            folder.appendEncoded(name)
        }
        folder.append("<\(address.address)>" + comma)
    }
}

/// One header field's value being written: tokens joined by spaces, with a
/// fold (CRLF and a space) instead of the space before a token that would
/// pass `HeaderText.lineWidth`.
struct HeaderFolder {
    /// The value so far, folded.
    private(set) var text = ""
    /// Octets on the current line, the header name included.
    private var column: Int

    /// Starts after `column` octets (`Subject: ` is 9).
    init(column: Int) {
        self.column = column
    }

    /// Octets a token may have to stay on the current line.
    private var room: Int { HeaderText.lineWidth - column - (text.isEmpty ? 0 : 1) }
    /// Octets a token may have on a line of its own (after the fold's space).
    private static let foldedRoom = HeaderText.lineWidth - 1

    /// Whether `words`, appended in turn, each fit a line: the first where it
    /// starts, the others on a line of their own. An empty word (a run of
    /// spaces) does not fit, since a fold there would leave a blank line.
    func fits(_ words: [String]) -> Bool {
        guard let first = words.first, !words.contains(where: \.isEmpty) else { return false }
        let firstRoom = text.isEmpty ? room : max(room, HeaderFolder.foldedRoom)
        return first.utf8.count <= firstRoom && words.allSatisfy { $0.utf8.count <= HeaderFolder.foldedRoom }
    }

    /// Appends `token` after a space, or on a new line when it does not fit.
    mutating func append(_ token: String) {
        let length = token.utf8.count
        if !text.isEmpty {
            if length > room {
                text += "\r\n "
                column = 1
            } else {
                text += " "
                column += 1
            }
        }
        text += token
        column += length
    }

    /// Appends `value` as UTF-8 "B" encoded words, each at most 75 characters
    /// and filling what is left of its line. A word ends between characters
    /// (grapheme clusters); only a character too long for any word is split,
    /// and then between Unicode scalars, never inside a UTF-8 sequence.
    mutating func appendEncoded(_ value: String) {
        var units: [[UInt8]] = []
        for character in value {
            let bytes = Array(String(character).utf8)
            if bytes.count <= HeaderFolder.capacity(HeaderFolder.foldedRoom) {
                units.append(bytes)
            } else {
                units += character.unicodeScalars.map { Array(String($0).utf8) }
            }
        }
        var index = 0
        repeat {
            // The word fills the rest of this line when at least one character fits there.
            var capacity = HeaderFolder.capacity(room)
            if index < units.count && units[index].count > capacity || capacity == 0 {
                capacity = HeaderFolder.capacity(HeaderFolder.foldedRoom)
            }
            var chunk: [UInt8] = []
            while index < units.count && chunk.count + units[index].count <= capacity {
                chunk += units[index]
                index += 1
            }
            append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
        } while index < units.count
    }

    /// The UTF-8 bytes an encoded word of at most `width` characters (and at
    /// most 75) holds: 12 for `=?UTF-8?B?` and `?=`, then 4 base64 characters
    /// for every 3 bytes.
    private static func capacity(_ width: Int) -> Int {
        max(0, (min(width, 75) - 12) / 4 * 3)
    }
}
