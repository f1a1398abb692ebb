import RobinModel

/// Parses the `from`/`to` of an export request the way Robin does: ISO 8601
/// date and time with an offset or `Z`, seconds precision.
enum RobinTimestamp {
    enum Problem: Error {
        case fractionalSeconds
        case malformed
    }

    /// Seconds since 1970 (UTC).
    static func parse(_ text: String) throws(Problem) -> Int64 {
        let bytes = Array(text.utf8)
        func number(_ at: Int, _ count: Int) throws(Problem) -> Int {
            guard at + count <= bytes.count else { throw .malformed }
            var value = 0
            for byte in bytes[at..<(at + count)] {
                guard (48...57).contains(byte) else { throw .malformed }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        func expect(_ at: Int, _ character: Character) throws(Problem) {
            guard at < bytes.count, bytes[at] == character.asciiValue! else { throw .malformed }
        }
        guard bytes.count >= 20 else { throw .malformed }
        try expect(4, "-"); try expect(7, "-"); try expect(13, ":"); try expect(16, ":")
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") else { throw .malformed }
        let (hour, minute, second) = (try number(11, 2), try number(14, 2), try number(17, 2))
        guard let date = LocalDate(year: try number(0, 4), month: try number(5, 2), day: try number(8, 2)),
              hour < 24, minute < 60, second < 60 else { throw .malformed }
        var index = 19
        if bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") { throw .fractionalSeconds }
        var offset = 0
        if bytes[index] == UInt8(ascii: "Z") {
            index += 1
        } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let sign = bytes[index] == UInt8(ascii: "+") ? 1 : -1
            let hours = try number(index + 1, 2)
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") { index += 1 }
            let minutes = try number(index, 2)
            index += 2
            guard hours <= 14, minutes < 60 else { throw .malformed }
            offset = sign * (hours * 3600 + minutes * 60)
        } else {
            throw .malformed
        }
        guard index == bytes.count else { throw .malformed }
        return Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
    }
}
