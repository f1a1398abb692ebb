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

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
