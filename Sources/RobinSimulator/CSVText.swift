import RobinModel

/// Small helpers to write Robin-style CSV.
enum CSVText {
    /// A field quoted when it holds a comma, quote or line break.
    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One CSV line, `\n`-terminated.
    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// `2022-09-18 04:08:41`: Robin's UTC timestamp form (no offset).
    static func timestamp(_ utc: Int64) -> String {
        let days = Int(utc >= 0 ? utc / 86_400 : (utc - 86_399) / 86_400)
        let second = Int(utc - Int64(days) * 86_400)
        return "\(LocalDate(daysSinceEpoch: days)) \(pad(second / 3600)):\(pad(second / 60 % 60)):\(pad(second % 60))"
    }

    /// One record with Robin's line end (CRLF), fields quoted where they must be.
    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// Unix seconds of Robin's `2022-09-18 04:08:41` (UTC); nil for anything else.
    static func parseTimestamp(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 19, let date = LocalDate(String(text.prefix(10))) else { return nil }
        func number(_ at: Int) -> Int64? {
            let tens = Int64(bytes[at]) - 48, ones = Int64(bytes[at + 1]) - 48
            return (0...9).contains(tens) && (0...9).contains(ones) ? tens * 10 + ones : nil
        }
        guard let hour = number(11), let minute = number(14), let second = number(17) else { return nil }
        return Int64(date.daysSinceEpoch) * 86_400 + hour * 3600 + minute * 60 + second
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
