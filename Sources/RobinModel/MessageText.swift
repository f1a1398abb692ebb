/// Text shown on a terminal or in a log: values from exports, configuration
/// files and servers can hold control characters (an ESC sequence, a NUL, a
/// line break) that would recolour the terminal or forge a second
/// `robin-report:` line. Every message leaves through `escaped`.
public enum MessageText {
    /// `text` with every control character (C0, DEL, C1, and the line and
    /// paragraph separators) written as `\u{1B}`; tabs too, so a message stays
    /// one line of visible characters.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
