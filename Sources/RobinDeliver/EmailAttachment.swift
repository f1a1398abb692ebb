import Foundation

/// A file attached to the report email (report.pdf with `attach_pdf`): a
/// base64 MIME part after the text and HTML alternatives.
public struct EmailAttachment: Sendable, Equatable {
    /// The name the reader's mail client saves it under: ASCII letters, digits, `-`, `_` and `.`.
    public var fileName: String
    /// Its MIME type, e.g. `application/pdf`.
    public var contentType: String
    /// Its bytes.
    public var data: Data

    public init(fileName: String, contentType: String, data: Data) {
        self.fileName = fileName
        self.contentType = contentType
        self.data = data
    }

    /// The MIME part (headers, blank line, base64 in lines of 76), CRLF line ends, no boundary.
    var part: String {
        let base64 = data.base64EncodedString()
        var lines: [Substring] = []
        var start = base64.startIndex
        while start < base64.endIndex {
            let end = base64.index(start, offsetBy: 76, limitedBy: base64.endIndex) ?? base64.endIndex
            lines.append(base64[start..<end])
            start = end
        }
        return "Content-Type: \(contentType); name=\"\(fileName)\"\r\n"
            + "Content-Disposition: attachment; filename=\"\(fileName)\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "\r\n"
            + lines.joined(separator: "\r\n") + "\r\n"
    }
}
