/// Hot-path writers for CSV rows: numbers and Robin's `YYYY-MM-DD HH:MM:SS`
/// UTC timestamps straight into a byte buffer, with no `String` or Foundation
/// formatting per field.
extension Array where Element == UInt8 {
    @inline(__always)
    mutating func appendField(_ field: CSVField) {
        append(contentsOf: field.bytes)
    }

    @inline(__always)
    mutating func appendComma() {
        append(0x2C)
    }

    /// Robin's record separator. Embedded newlines in titles are bare LF, so a
    /// CRLF count equals the record count.
    @inline(__always)
    mutating func appendRecordEnd() {
        append(0x0D)
        append(0x0A)
    }

    mutating func appendInt(_ value: Int) {
        if value < 0 {
            append(0x2D)
            appendInt(-value)
            return
        }
        if value < 10 {
            append(UInt8(48 + value))
            return
        }
        var width = 1
        var scale = 10
        while scale <= value, width < 19 {
            width += 1
            scale = width < 19 ? scale * 10 : scale
        }
        let first = count
        append(contentsOf: repeatElement(UInt8(48), count: width))
        var rest = value
        var index = first + width - 1
        while rest > 0 {
            self[index] = UInt8(48 + rest % 10)
            rest /= 10
            index -= 1
        }
    }

    /// Two decimal digits, zero-padded.
    @inline(__always)
    mutating func appendTwoDigits(_ value: Int) {
        append(UInt8(48 + value / 10))
        append(UInt8(48 + value % 10))
    }

    /// `YYYY-MM-DD HH:MM:SS` for Unix seconds, in UTC.
    mutating func appendTimestamp(_ unixSeconds: Int64) {
        let seconds = Int(unixSeconds)
        var days = seconds / 86_400
        var secondOfDay = seconds - days * 86_400
        if secondOfDay < 0 {
            days -= 1
            secondOfDay += 86_400
        }
        appendDate(daysSinceEpoch: days)
        append(0x20)
        appendTwoDigits(secondOfDay / 3600)
        append(0x3A)
        appendTwoDigits(secondOfDay / 60 % 60)
        append(0x3A)
        appendTwoDigits(secondOfDay % 60)
    }

    /// `YYYY-MM-DD` (or `YYYYMMDD` when `separated` is false).
    mutating func appendDate(daysSinceEpoch days: Int, separated: Bool = true) {
        let (year, month, day) = CivilDate.components(daysSinceEpoch: days)
        appendTwoDigits(year / 100)
        appendTwoDigits(year % 100)
        if separated { append(0x2D) }
        appendTwoDigits(month)
        if separated { append(0x2D) }
        appendTwoDigits(day)
    }

    /// Hours from minutes, as Robin prints `Hour Duration`: `8`, `8.25`, `8.5`, `0.75`.
    mutating func appendHours(minutes: Int) {
        let hundredths = (minutes * 100 + 30) / 60
        appendInt(hundredths / 100)
        let fraction = hundredths % 100
        guard fraction != 0 else { return }
        append(0x2E)
        append(UInt8(48 + fraction / 10))
        if fraction % 10 != 0 { append(UInt8(48 + fraction % 10)) }
    }
}
