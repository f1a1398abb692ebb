import RobinModel

/// Parsers for the value formats of Robin's exports (METRICS.md "Input facts"),
/// working on raw bytes so that reading does not allocate per field.
public enum FieldParsing {
    /// Bytes with leading and trailing spaces and tabs removed.
    @inline(__always)
    public static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if start == 0, end == bytes.count { return bytes }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// A UTC timestamp in milliseconds since 1970, from `2022-09-18 04:08:41`
    /// (Robin's form, UTC) or ISO 8601 (`2022-09-18T04:08:41Z`, optional fractional
    /// seconds, optional `Z` or `+hh:mm`/`+hhmm`/`+hh` offset; no offset = UTC).
    /// nil when the text is not such a timestamp.
    public static func timestamp(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        let n = text.count
        guard n >= 19 else { return nil }
        @inline(__always) func digits(_ at: Int, _ count: Int) -> Int? {
            var value = 0
            for i in at..<(at + count) {
                let d = Int(text[i]) &- 48
                guard d >= 0, d <= 9 else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard text[4] == 0x2D, text[7] == 0x2D, text[10] == 0x20 || text[10] == 0x54 || text[10] == 0x74,
              text[13] == 0x3A, text[16] == 0x3A,
              let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
              let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
              month >= 1, month <= 12, day >= 1, day <= LocalDate.daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 60
        else { return nil }
        var i = 19
        var millis = 0
        if i < n, text[i] == 0x2E {
            i += 1
            var scale = 100, count = 0
            while i < n, let d = digits(i, 1) {
                millis += d * scale
                scale /= 10
                i += 1
                count += 1
            }
            guard count > 0 else { return nil }
        }
        var offsetSeconds = 0
        if i < n {
            let c = text[i]
            if c == 0x5A || c == 0x7A {  // Z
                i += 1
            } else if c == 0x2B || c == 0x2D {  // + or -
                let sign = c == 0x2B ? 1 : -1
                i += 1
                guard i + 2 <= n, let hours = digits(i, 2) else { return nil }
                i += 2
                var minutes = 0
                if i < n, text[i] == 0x3A { i += 1 }
                if i + 2 <= n, let m = digits(i, 2) { minutes = m; i += 2 }
                guard hours <= 23, minutes <= 59 else { return nil }
                offsetSeconds = sign * (hours * 3600 + minutes * 60)
            }
            guard i == n else { return nil }
        }
        let days = LocalDate.days(year: year, month: month, day: day)
        let seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Int64(seconds) * 1000 + Int64(millis)
    }

    /// A decimal number (`12`, `-3.5`, `1e3`); nil when the text is not one.
    public static func number(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = text.count
        guard n > 0 else { return nil }
        // Fast path: optional sign, digits, optional fraction.
        var i = 0
        var negative = false
        if text[0] == 0x2D || text[0] == 0x2B { negative = text[0] == 0x2D; i = 1 }
        var whole: Int64 = 0
        var digitCount = 0
        while i < n, text[i] &- 48 < 10, digitCount < 15 {
            whole = whole * 10 + Int64(text[i] &- 48)
            i += 1
            digitCount += 1
        }
        var fraction: Int64 = 0
        var fractionDigits = 0
        if i < n, text[i] == 0x2E {
            i += 1
            while i < n, text[i] &- 48 < 10, fractionDigits < 15 {
                fraction = fraction * 10 + Int64(text[i] &- 48)
                i += 1
                fractionDigits += 1
            }
        }
        if i == n, digitCount + fractionDigits > 0, digitCount + fractionDigits <= 15 {
            let value = fractionDigits == 0
                ? Double(whole)
                : Double(whole * powersOfTen[fractionDigits] + fraction) / Double(powersOfTen[fractionDigits])
            return negative ? -value : value
        }
        // Anything else (exponents, long digit strings) through the standard library.
        guard let value = Double(String(decoding: text, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// Whether the text spells a number that is not finite (`NaN`, `-inf`,
    /// `Infinity`, any case): a number, but never a usable one.
    public static func isNonFinite(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var body = text
        if let first = text.first, first == 0x2B || first == 0x2D { body = UnsafeBufferPointer(rebasing: text[1...]) }
        return matches(body, "nan") || matches(body, "inf") || matches(body, "infinity")
    }

    /// Whether `text` is `pattern` (lower-case ASCII, words separated by one
    /// space) ignoring ASCII case and with `_` standing for a space:
    /// `RESOURCE_DECLINED` matches `resource declined`.
    @inline(__always)
    public static func matches(_ text: UnsafeBufferPointer<UInt8>, _ pattern: StaticString) -> Bool {
        guard text.count == pattern.utf8CodeUnitCount else { return false }
        return pattern.withUTF8Buffer { expected in
            for i in 0..<text.count {
                var byte = text[i]
                if byte >= 0x41, byte <= 0x5A { byte |= 0x20 } else if byte == 0x5F { byte = 0x20 }
                if byte != expected[i] { return false }
            }
            return true
        }
    }

    /// A boolean in any form of METRICS.md "Input facts" (`TRUE`/`FALSE`,
    /// `Yes`/`No`, `1`/`0`, any case); nil when the text is none of them.
    public static func boolean(_ text: UnsafeBufferPointer<UInt8>) -> Bool? {
        if matches(text, "true") || matches(text, "yes") || matches(text, "1") { return true }
        if matches(text, "false") || matches(text, "no") || matches(text, "0") { return false }
        return nil
    }

    private static let powersOfTen: [Int64] = (0...15).map { power in
        (0..<power).reduce(Int64(1)) { value, _ in value * 10 }
    }
}
