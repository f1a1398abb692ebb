/// One mailbox: `ann@example.com` or `Ann Example <ann@example.com>`.
///
/// Only what a report mailer needs of RFC 5322: an ASCII address (`local@domain`,
/// no quoted local parts, no comments) and an optional display name, which may be
/// any Unicode text (it is RFC 2047-encoded when written to a header). Line breaks
/// and control characters are refused anywhere, so a value can never add a header.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    /// The display name, without quotes; nil when none was given.
    public var name: String?
    /// The bare address, `local@domain`, as used in the SMTP envelope.
    public var address: String

    /// Parses `addr@domain` or `Display Name <addr@domain>`; nil when it is not one.
    public init?(_ text: String) {
        guard case .success(let value) = EmailAddress.parse(text) else { return nil }
        self = value
    }

    /// Why `text` is not an address, or nil when it is one.
    public static func problem(_ text: String) -> String? {
        if case .failure(let problem) = parse(text) { return problem.message }
        return nil
    }

    /// `Name <address>` or the bare address (the display name as given, unencoded).
    public var description: String {
        guard let name, !name.isEmpty else { return address }
        return "\(name) <\(address)>"
    }

    struct Problem: Error {
        var message: String
    }

    static func parse(_ text: String) -> Result<EmailAddress, Problem> {
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return .failure(Problem(message: "contains a line break or control character"))
        }
        let trimmed = text.trimmingSpaces
        var name: String?
        var address = trimmed
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]).trimmingSpaces
            var display = String(trimmed[..<open]).trimmingSpaces
            if display.count >= 2, display.hasPrefix("\""), display.hasSuffix("\"") {
                display = String(display.dropFirst().dropLast())
            }
            if display.contains("\"") || display.contains("\\") {
                return .failure(Problem(message: "the display name may not contain quotes or backslashes"))
            }
            name = display.isEmpty ? nil : display
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            return .failure(Problem(message: "is not an address like name@example.com"))
        }
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.")
        guard parts[0].allSatisfy({ localAllowed.contains($0) }), !parts[0].hasPrefix("."), !parts[0].hasSuffix("."),
              !parts[0].contains("..")
        else {
            return .failure(Problem(message: "the part before @ has characters an address cannot have"))
        }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        let labelAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        guard labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 && $0.allSatisfy { labelAllowed.contains($0) }
                                  && !$0.hasPrefix("-") && !$0.hasSuffix("-") })
        else {
            return .failure(Problem(message: "\"\(parts[1])\" is not a domain name"))
        }
        return .success(EmailAddress(name: name, address: address))
    }

    private init(name: String?, address: String) {
        self.name = name
        self.address = address
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
